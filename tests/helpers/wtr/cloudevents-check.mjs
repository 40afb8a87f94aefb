const { HTTP } = await import('cloudevents');

/**
 * The last raw request the transport sent per scope (headers + body, teed off the stream), so a
 * test can have the official CloudEvents SDK parse exactly what went over the wire.
 */
const lastRequest = new Map();
export function capture(req) {
  const scope = new URL(req.url, 'http://x').searchParams.get('scope');
  if (req.method !== 'POST' || !scope) return;
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () =>
    lastRequest.set(scope, { headers: { ...req.headers }, body: Buffer.concat(chunks).toString('utf8') }),
  );
}
export function cloudEventsCheck(ctx) {
  const raw = lastRequest.get(ctx.query.scope);
  if (!raw) return void ((ctx.status = 404), (ctx.body = { error: 'no request captured' }));
  try {
    const parsed = HTTP.toEvent({ headers: raw.headers, body: raw.body });
    const events = (Array.isArray(parsed) ? parsed : [parsed]).map(
      (e) => (
        e.validate(),
        { id: e.id, type: e.type, subject: e.subject, specversion: e.specversion, source: e.source, data: e.data }
      ),
    );
    ctx.body = { contentType: raw.headers['content-type'], authorization: raw.headers.authorization ?? null, events };
  } catch (error) {
    ctx.status = 422;
    ctx.body = { error: String(error?.message ?? error), errors: error?.errors };
  }
}

/** Koa → connect: hand the requests under `prefix` (default /events) to the collector untouched. */
export function mount(handler, prefix = '/events') {
  return (ctx, next) => {
    if (ctx.path === '/cloudevents-check') return cloudEventsCheck(ctx);
    if (!ctx.path.startsWith(prefix)) return next();
    capture(ctx.req);
    ctx.respond = false;
    return new Promise((resolve) => {
      ctx.res.on('close', resolve);
      ctx.res.on('finish', resolve);
      handler(ctx.req, ctx.res, () => resolve(next()));
    });
  };
}
