import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { crashNext, standalonePort } from './standalone.mjs';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Commands the page cannot do itself. Real offline mode cuts the test runner's own websocket,
 * so network tests run in a second tab ("peer page", same origin and storage) driven from here.
 */
const peerPages = new Map();
/** DevTools sessions holding a page's time zone and languages (`mutual:device-place`). */
const placeSessions = {};
export const mutualCommands = {
  name: 'mutual-commands',
  async executeCommand({ command, payload, session }) {
    if (!command.startsWith('mutual:')) return undefined;
    const page = session.browser.getPage(session.id);
    if (command === 'mutual:media') {
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setEmulatedMedia', { features: payload.features ?? [] });
      await cdp.detach();
      return true;
    }
    if (command === 'mutual:device-place') {
      // What the device says of where it is: its time zone and its languages (empty: the defaults).
      // The session stays open: DevTools drops these overrides when its session detaches.
      const cdp = (placeSessions[session.id] ??= await page.createCDPSession());
      await cdp.send('Emulation.setTimezoneOverride', { timezoneId: payload.timezone ?? '' });
      const userAgent = await page.browser().userAgent();
      await cdp.send('Emulation.setUserAgentOverride', { userAgent, acceptLanguage: payload.languages ?? '' });
      return true;
    }
    if (command === 'mutual:standalone-url') return `http://127.0.0.1:${standalonePort}/events`;
    if (command === 'mutual:standalone-crash') {
      crashNext(payload.count ?? 1, payload.restartAfter ?? 1000);
      return true;
    }
    if (command === 'mutual:peer-open') {
      // `isolated`: another browser context (no shared storage or cookies), like a second person.
      const context = payload.isolated ? await page.browser().createBrowserContext() : null;
      const peer = await (context ?? page.browser()).newPage();
      peer.isolatedContext = context;
      peerPages.set(session.id, peer);
      // What the page printed, from its very first script (a page cannot hook that itself).
      peer.consoleMessages = [];
      peer.on('console', (m) => peer.consoleMessages.push({ type: m.type(), text: m.text() }));
      peer.on('pageerror', (e) => peer.consoleMessages.push({ type: 'error', text: String(e?.message ?? e) }));
      // A missing file (a favicon, say) is an error in a visitor's console even when Chrome prints
      // it only to DevTools' network log.
      peer.on('response', (r) => {
        if (r.status() >= 400 && !r.url().includes('/events'))
          peer.consoleMessages.push({ type: 'error', text: `HTTP ${r.status()} ${new URL(r.url()).pathname}` });
      });
      await peer.goto(new URL(payload.url, page.url()).href, { waitUntil: 'load' });
      return true;
    }
    const peer = peerPages.get(session.id);
    if (!peer) throw new Error('no peer page open');
    if (command === 'mutual:peer-network') {
      await peer.setOfflineMode(!!payload.offline);
      return true;
    }
    if (command === 'mutual:peer-eval') return peer.evaluate(payload.expression);
    if (command === 'mutual:peer-console') return peer.consoleMessages;
    if (command === 'mutual:peer-axe') {
      // The whole page as a visitor gets it (host markup and widgets): run from DevTools, so a page's
      // CSP does not stop it.
      await peer.evaluate(await readFile(axeSource, 'utf8'));
      return peer.evaluate(() =>
        window.axe
          .run(document, { resultTypes: ['violations'] })
          .then((r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)),
      );
    }
    if (command === 'mutual:peer-viewport') {
      await peer.setViewport({ width: payload.width, height: payload.height ?? 900 });
      return true;
    }
    if (command === 'mutual:peer-reload') {
      await peer.reload({ waitUntil: 'load' });
      return true;
    }
    if (command === 'mutual:peer-close') {
      peerPages.delete(session.id);
      await peer.close();
      await peer.isolatedContext?.close();
      return true;
    }
    return undefined;
  },
};
