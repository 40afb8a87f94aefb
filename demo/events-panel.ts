/** Polls the collector and lists the CloudEvents envelopes it stored, newest first (text only). */
export function startEventsPanel(list: HTMLElement, endpoint = '/events'): void {
  let cursor = 0;
  let first = true;
  const poll = async () => {
    try {
      const res = await fetch(`${endpoint}?since=${cursor}&limit=200`);
      if (res.ok) {
        const { events, next } = (await res.json()) as {
          events: { seq: number; receivedAt: string; event: Record<string, unknown> }[];
          next: number;
        };
        cursor = next;
        // On first load show only the latest few, not the whole history.
        for (const { receivedAt, event } of first ? events.slice(-10) : events) {
          const item = document.createElement('li');
          const details = document.createElement('details');
          const summary = document.createElement('summary');
          summary.textContent = `${new Date(receivedAt).toLocaleTimeString()} · ${String(event.type).replace('org.mutual.', '')}${event.subject ? ` · ${event.subject}` : ''}`;
          const pre = document.createElement('pre');
          pre.textContent = JSON.stringify(event, null, 2);
          details.append(summary, pre);
          item.append(details);
          list.prepend(item);
        }
        first = false;
      }
    } catch {
      /* the collector is restarting; try again */
    }
    setTimeout(poll, 1000);
  };
  void poll();
}
