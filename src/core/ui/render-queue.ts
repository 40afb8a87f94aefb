/**
 * Spreads first renders over several tasks when many Mutual elements upgrade at once (a feed of
 * 200 story cards), so the page stays responsive: each task renders for about `BUDGET_MS`, the
 * rest wait for the next task. A page with a handful of widgets renders them all at once.
 *
 * A time budget rather than a fixed count: fewer, fuller slices mean the browser lays the growing
 * page out fewer times, and a slow device still yields as often.
 */
const BUDGET_MS = 8;
let sliceStart: number | undefined;
let channel: MessageChannel | undefined;
const queue: (() => void)[] = [];

/** Starts this task's slice; it ends with the task (a later task starts its own). */
function startSlice(): number {
  const start = (sliceStart = performance.now());
  setTimeout(() => sliceStart === start && (sliceStart = undefined));
  return start;
}

function inBudget(): boolean {
  return performance.now() - (sliceStart ?? startSlice()) < BUDGET_MS;
}

function drain(): void {
  startSlice();
  while (queue.length && inBudget()) queue.shift()!();
  if (queue.length) nextTask();
}

function nextTask(): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = drain;
  }
  channel.port2.postMessage(null);
}

/** Runs `render` now while this task has budget left; otherwise in a later task (the promise settles then). */
export function renderInTurn(render: () => void): Promise<void> | void {
  if (!queue.length && inBudget()) return render();
  return new Promise<void>((resolve, reject) => {
    if (!queue.length) nextTask();
    queue.push(() => {
      try {
        render();
        resolve();
      } catch (error) {
        reject(error as Error); // Lit reports it; the other elements still render
      }
    });
  });
}
