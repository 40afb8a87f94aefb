import { readFile } from 'node:fs/promises';

/**
 * The demo pages exactly as `npm start` serves them, but on the built files a site ships: with
 * `?built`, an import map sends the page's `src/all.js` and `src/admin.js` to `dist/mutual.js` and
 * `dist/mutual-admin.js`; with `&endpoint=`, its widgets talk to another collector (the journey's
 * own, on SQLite or PostgreSQL); with `&exit=`, quick exit leaves for a page of this server.
 */
export function builtDemo() {
  const imports = { '/src/all.js': '/dist/mutual.js', '/src/admin.js': '/dist/mutual-admin.js' };
  return async (ctx, next) => {
    if (!/^\/demo\/[\w-]+\.html$/.test(ctx.path) || ctx.query.built === undefined) return next();
    let page = await readFile(`demo/${ctx.path.slice('/demo/'.length)}`, 'utf8');
    page = page.replace(
      '<script type="module"',
      `<script type="importmap">${JSON.stringify({ imports })}</script>\n    <script type="module"`,
    );
    const endpoint = String(ctx.query.endpoint ?? '');
    if (/^\/[\w/-]+$/.test(endpoint)) page = page.replaceAll('endpoint="/events"', `endpoint="${endpoint}"`);
    // Where quick exit goes: a neutral page of this server, not the demo's outside site.
    const exit = String(ctx.query.exit ?? '');
    if (/^\/[\w/.-]+$/.test(exit)) page = page.replace(/(<mutual-quick-exit href=")[^"]*/, `$1${exit}`);
    ctx.type = 'html';
    ctx.body = page;
  };
}
