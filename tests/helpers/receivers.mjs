// Endpoints that are not the reference collector, for the delivery tests: what a third-party
// CloudEvents receiver, a misconfigured proxy or a single-page app's fallback does to a POST.
// Mounted by web-test-runner.config.mjs under /receivers/…; every one counts what it received,
// without deduplicating, per `scope`.

/** scope → { requests, events: id[], cookies: (string|null)[] } */
const received = new Map();
/** scope → time until which the receivers answer 503 */
const downUntil = new Map();

function record(scope, events, cookie) {
  const entry = received.get(scope) ?? { requests: 0, events: [], cookies: [] };
  entry.requests++;
  entry.events.push(...events.map((e) => e?.id));
  entry.cookies.push(cookie ?? null);
  received.set(scope, entry);
}

function readJson(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve(Array.isArray(body) ? body : [body]);
      } catch {
        resolve([]);
      }
    });
  });
}

const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-allow-methods': 'POST, GET',
};

/** Koa middleware: /receivers/{strict|redirect|html|count}?scope=… and GET /receivers/received?scope=… */
export function receivers() {
  return async (ctx, next) => {
    if (!ctx.path.startsWith('/receivers/')) return next();
    const kind = ctx.path.slice('/receivers/'.length);
    const scope = ctx.query.scope ?? '';
    if (kind === 'nocors') {
      // An endpoint on another origin that does not allow this page's: the browser sees a network error.
      ctx.status = ctx.method === 'OPTIONS' ? 204 : 200;
      return;
    }
    if (ctx.method === 'OPTIONS') {
      ctx.set(cors);
      ctx.status = 204;
      return;
    }
    if (kind === 'down') {
      // POST /receivers/down?scope=…&ms=…: the receivers answer 503 for that scope until then.
      downUntil.set(scope, Date.now() + Number(ctx.query.ms ?? 1000));
      ctx.body = { down: true };
      return;
    }
    if (kind === 'received') {
      ctx.body = received.get(scope) ?? { requests: 0, events: [], cookies: [] };
      return;
    }
    if (ctx.method !== 'POST') return next();
    ctx.set(cors);
    if (kind === 'redirect') {
      // A proxy that moved the endpoint: 307 keeps the POST, 301 turns it into a GET.
      await readJson(ctx.req);
      record(scope, [], ctx.get('cookie') || null);
      ctx.status = Number(ctx.query.status ?? 307);
      ctx.set('location', String(ctx.query.to ?? '/receivers/count?scope=redirected'));
      return;
    }
    const events = await readJson(ctx.req);
    if ((downUntil.get(scope) ?? 0) > Date.now()) {
      ctx.status = 503;
      ctx.body = 'down';
      return;
    }
    if (kind === 'html') {
      record(scope, events, ctx.get('cookie') || null);
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>App</title><div id="app"></div>';
      return;
    }
    if (kind === 'strict') {
      // A receiver that refuses a whole batch when any event is not to its liking, without saying which.
      if (events.some((e) => e?.data?.poison)) {
        ctx.status = 400;
        ctx.type = 'text/plain';
        ctx.body = 'bad batch';
        return;
      }
    }
    record(scope, events, ctx.get('cookie') || null);
    ctx.status = 202;
    ctx.body = '';
  };
}
