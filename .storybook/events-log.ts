/**
 * A small panel under every story: the mutual-* DOM events the story fired, and whether the
 * reference collector (running in this tab, see demo/in-browser-endpoint.ts) stored them.
 */
const TYPES = ['mutual-event', 'mutual-reaction', 'mutual-share-back', 'mutual-send-error', 'change'];

class StorybookEventsLog extends HTMLElement {
  private list = document.createElement('ol');
  private timer?: ReturnType<typeof setInterval>;
  private pending = new Map<string, HTMLElement>();
  private cursor = 0;
  private onEvent = (e: Event) => {
    if (!(e.composedPath()[0] as Element)?.localName?.startsWith('mutual-')) return;
    const detail = (e as CustomEvent).detail;
    const li = document.createElement('li');
    li.textContent = `${e.type}${detail?.type ? ` · ${detail.type}` : ''}${detail?.subject ? ` · ${detail.subject}` : ''}`;
    if (e.type === 'mutual-event' && detail?.id) {
      const status = document.createElement('span');
      status.textContent = ' — waiting for the endpoint…';
      li.append(status);
      this.pending.set(detail.id, status);
    }
    this.list.prepend(li);
  };

  connectedCallback(): void {
    const heading = document.createElement('h2');
    heading.textContent = 'Events from this story';
    heading.style.cssText = 'font: 600 14px system-ui; margin: 24px 0 4px';
    this.list.style.cssText = 'font: 13px ui-monospace, monospace; margin: 0; padding-inline-start: 20px';
    const note = document.createElement('p');
    note.className = 'sb-demo-store';
    note.textContent =
      'The endpoint here is a demonstration store in this browser: what you send stays in this tab and is gone when you reload. Its moderator token is demonstration-store-in-this-browser.';
    note.style.cssText = 'font: 13px system-ui; margin: 4px 0';
    this.append(heading, note, this.list);
    for (const type of TYPES) document.addEventListener(type, this.onEvent, true);
    this.timer = setInterval(() => void this.poll(), 1000);
  }

  disconnectedCallback(): void {
    for (const type of TYPES) document.removeEventListener(type, this.onEvent, true);
    clearInterval(this.timer);
  }

  private async poll(): Promise<void> {
    if (!this.pending.size) return;
    try {
      const res = await fetch(`/events?since=${this.cursor}&limit=1000`);
      if (!res.ok) return;
      const { events, next } = (await res.json()) as { events: { event: { id: string } }[]; next: number };
      this.cursor = next;
      for (const { event } of events) {
        const status = this.pending.get(event.id);
        if (status) {
          status.textContent = ' — stored by the collector ✓';
          this.pending.delete(event.id);
        }
      }
    } catch {
      /* the endpoint is still starting */
    }
  }
}

/** Called, not imported for its side effect: the package's `sideEffects` list would let the build drop a bare import. */
export function defineEventsLog(): void {
  if (!customElements.get('sb-events-log')) customElements.define('sb-events-log', StorybookEventsLog);
}
