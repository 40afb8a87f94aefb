import type { EndpointReader } from './endpoint.js';

type Waiting = { resolve: (c: Record<string, number>) => void; reject: (e: Error) => void }[];
/** Count requests made in this moment, per reader (one reader per endpoint and settings). */
const asked = new WeakMap<EndpointReader, Map<string, Waiting>>();

/**
 * Reaction counts for a subject. Requests made in the same moment (a feed of 20 cards) share
 * one `GET endpoint?subject=a&subject=b…` (up to 50 subjects each) instead of one request per bar.
 */
export function getCounts(reader: EndpointReader, subject: string): Promise<Record<string, number>> {
  let requests = asked.get(reader);
  if (!requests) asked.set(reader, (requests = new Map()));
  const batch = requests;
  return new Promise((resolve, reject) => {
    // 30 ms: long enough to gather bars whose first render was spread over several tasks.
    if (!batch.size) setTimeout(() => fetchCounts(reader, batch), 30);
    const waiting = batch.get(subject) ?? [];
    waiting.push({ resolve, reject });
    batch.set(subject, waiting);
  });
}

function fetchCounts(reader: EndpointReader, batch: Map<string, Waiting>): void {
  const requests = new Map(batch);
  batch.clear();
  const subjects = [...requests.keys()];
  for (let i = 0; i < subjects.length; i += 50) {
    const chunk = subjects.slice(i, i + 50);
    reader
      .getJson<{ counts?: unknown; subjects?: Record<string, unknown> }>(chunk.map((s) => ['subject', s]))
      .then((body) => {
        const bySubject = chunk.length === 1 ? { [chunk[0]]: body.counts } : (body.subjects ?? {});
        for (const s of chunk) {
          const counts: Record<string, number> = {};
          const raw = bySubject[s];
          if (raw && typeof raw === 'object')
            for (const [name, n] of Object.entries(raw)) if (Number.isFinite(n)) counts[name] = Number(n);
          requests.get(s)?.forEach((r) => r.resolve(counts));
        }
      })
      .catch((error: Error) => chunk.forEach((s) => requests.get(s)?.forEach((r) => r.reject(error))));
  }
}
