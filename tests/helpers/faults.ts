// Fault injection and request counts for tests and the benchmark — never part of the collector
// users run. Wraps a collector: `POST {path}/faults` arms faults (per `scope`), `GET {path}/stats`
// answers how many POSTs and GETs a scope received, and armed faults answer POSTs before the
// collector sees them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Collector, Next } from '../../src/collector/index.js';

interface Fault {
  remaining: number;
  /** `fail`: answer `status` (after `delayMs`); `hang`: never answer, drop the connection after `hangMs`. */
  mode: 'fail' | 'hang';
  status: number;
  retryAfter?: number;
  hangMs: number;
  delayMs?: number;
  scope?: string;
  /** An outage: every POST (in scope) fails until this time, whatever `remaining` says. */
  until?: number;
}

function json(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const origin = req.headers.origin;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(origin && { 'access-control-allow-origin': origin }),
    ...headers,
  });
  res.end(JSON.stringify(body));
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
      } catch {
        resolve({});
      }
    });
  });
}

export function withFaults(collector: Collector, path = '/events'): Collector {
  const faults: Fault[] = [];
  const posts = new Map<string, number>();
  const gets = new Map<string, number>();
  const handler = (req: IncomingMessage, res: ServerResponse, next?: Next) => {
    const url = new URL(req.url ?? '/', 'http://test.invalid');
    if (!url.pathname.startsWith(path)) return collector(req, res, next);
    const sub = url.pathname.slice(path.length);
    const scope = url.searchParams.get('scope') ?? '';
    if (sub === '/faults') {
      if (req.method === 'DELETE') {
        faults.length = 0;
        return json(req, res, 200, { faults: 0 });
      }
      return void readJson(req).then((body) => {
        faults.push({
          remaining: Number(body.count ?? 1),
          mode: body.mode === 'hang' ? 'hang' : 'fail',
          status: Number(body.status ?? 503),
          retryAfter: body.retryAfter as number | undefined,
          hangMs: Number(body.hangMs ?? 30_000),
          delayMs: body.delayMs as number | undefined,
          scope: body.scope as string | undefined,
          until: body.forMs === undefined ? undefined : Date.now() + Number(body.forMs),
        });
        json(req, res, 200, { faults: faults.length });
      });
    }
    if (sub === '/stats') return json(req, res, 200, { requests: posts.get(scope) ?? 0, gets: gets.get(scope) ?? 0 });
    if (sub === '' || sub === '/') {
      if (req.method === 'GET') gets.set(scope, (gets.get(scope) ?? 0) + 1);
      if (req.method === 'POST') {
        posts.set(scope, (posts.get(scope) ?? 0) + 1);
        const now = Date.now();
        const fault = faults.find(
          (f) => (f.until === undefined ? f.remaining > 0 : f.until > now) && (!f.scope || f.scope === scope),
        );
        if (fault) {
          fault.remaining--;
          req.resume();
          if (fault.mode === 'hang') return void setTimeout(() => res.destroy(), fault.hangMs).unref?.();
          const headers: Record<string, string> =
            fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
          return void setTimeout(
            () => json(req, res, fault.status, { error: 'injected fault' }, headers),
            fault.delayMs ?? 0,
          );
        }
      }
    }
    return collector(req, res, next);
  };
  return Object.assign(handler, {
    store: collector.store,
    fetch: collector.fetch,
    retain: collector.retain,
    close: () => collector.close(),
  });
}
