import { expect } from '@open-wc/testing';
import '../../src/me-too/define.js';
import type { MutualMeToo } from '../../src/me-too/me-too.js';

/** Counts tasks that run from now on (a message posted now runs before any task posted later). */
function taskCounter() {
  const counter = { tasks: 0 };
  const channel = new MessageChannel();
  channel.port1.onmessage = () => counter.tasks++;
  channel.port2.postMessage(null);
  return counter;
}

const bar = (i: number) => {
  const el = document.createElement('mutual-me-too');
  el.setAttribute('subject', `queue-${i}`);
  el.setAttribute('counts', 'hidden');
  return el;
};

describe('first renders of many elements', () => {
  let host: HTMLElement;
  beforeEach(() => document.body.append((host = document.createElement('div'))));
  afterEach(() => host.remove());

  it('a burst of 300 reaction bars yields to other tasks on the way, and every bar renders', async () => {
    const bars = Array.from({ length: 300 }, (_, i) => bar(i));
    host.append(...bars);
    await new Promise((r) => setTimeout(r));
    // A timer task ran before the last bar rendered: the page stayed responsive.
    const renderedByThen = bars.filter((b) => b.shadowRoot?.querySelector('button')).length;
    await Promise.all(bars.map((b) => b.updateComplete));
    expect(renderedByThen, 'not all rendered in the first task').to.be.below(300);
    expect(bars.every((b) => b.shadowRoot!.querySelectorAll('button').length === 4)).to.equal(true);
  });

  it('after a burst, a single new bar renders at once, in the same task', async () => {
    host.append(...Array.from({ length: 300 }, (_, i) => bar(i)));
    await Promise.all([...host.children].map((b) => (b as MutualMeToo).updateComplete));
    await new Promise((r) => setTimeout(r, 20));
    const counter = taskCounter();
    const one = bar(999);
    host.append(one);
    await one.updateComplete;
    expect(one.shadowRoot!.querySelectorAll('button')).to.have.length(4);
    expect(counter.tasks, 'no other task ran before it rendered').to.equal(0);
  });
});
