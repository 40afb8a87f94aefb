// Holds the built lazy chunks whose name contains a word (`POST /hold-chunks?name=transport`) until
// `DELETE /hold-chunks`: what a slow connection or a busy machine does to the send path's arrival.
const held = new Set();
let release = () => {};
let released = Promise.resolve();

export function holdChunks() {
  return async (ctx, next) => {
    if (ctx.path === '/hold-chunks') {
      if (ctx.method === 'POST') {
        held.add(String(ctx.query.name));
        released = new Promise((r) => (release = r));
      } else {
        held.clear();
        release();
      }
      ctx.body = { held: [...held] };
      return;
    }
    if (ctx.path.startsWith('/dist/chunks/') && [...held].some((name) => ctx.path.includes(name))) await released;
    return next();
  };
}
