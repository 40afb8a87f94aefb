/**
 * Spreads first renders over several tasks when many Mutual elements upgrade at once (a feed of
 * 200 story cards), so the page stays responsive: a few render at once, the rest in the next
 * tasks. A page with a handful of widgets renders them all immediately, as before.
 */
const PER_TASK = 8;
let startedThisTask = 0;
let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

function nextTask(): void {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => {
      startedThisTask = 0;
      for (const resolve of waiting.splice(0, PER_TASK)) {
        startedThisTask++;
        resolve();
      }
      if (waiting.length) nextTask();
    };
  }
  channel.port2.postMessage(null);
}

/** `undefined`: render now. A promise: wait for a later task's turn. */
export function firstRenderTurn(): Promise<void> | undefined {
  if (startedThisTask === 0) queueMicrotask(() => setTimeout(() => (startedThisTask = 0)));
  if (startedThisTask < PER_TASK && !waiting.length) {
    startedThisTask++;
    return undefined;
  }
  return new Promise<void>((resolve) => {
    if (!waiting.length) nextTask();
    waiting.push(resolve);
  });
}
