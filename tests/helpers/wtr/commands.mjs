import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { crashNext, standalonePort } from './standalone.mjs';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Commands the page cannot do itself. Real offline mode cuts the test runner's own websocket,
 * so network tests run in a second tab ("peer page", same origin and storage) driven from here.
 */
const peerPages = new Map();
/** One page per person: `peer` unless a test names more (a writer, a moderator, two readers). */
const pageKey = (session, payload) => `${session.id}:${payload?.name ?? 'peer'}`;
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
      peerPages.set(pageKey(session, payload), peer);
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
    if (command === 'mutual:peer-close-all') {
      for (const [key, open] of peerPages)
        if (key.startsWith(`${session.id}:`)) {
          peerPages.delete(key);
          await open.close();
          await open.isolatedContext?.close();
        }
      return true;
    }
    const peer = peerPages.get(pageKey(session, payload));
    if (!peer) throw new Error(`no page open for ${payload?.name ?? 'peer'}`);
    if (command === 'mutual:peer-network') {
      await peer.setOfflineMode(!!payload.offline);
      return true;
    }
    if (command === 'mutual:peer-eval') {
      try {
        return await peer.evaluate(payload.expression);
      } catch (error) {
        // The page was leaving (quick exit, a link): nothing to answer yet (false: a null answer reads as an unknown command); the caller asks again.
        if (/context was destroyed|Cannot find context/.test(String(error?.message))) return false;
        throw error;
      }
    }
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
    // A person's hands: a real pointer on what the page found (scrolled into view first), real keys.
    if (command === 'mutual:peer-click') {
      const handle = await peer.evaluateHandle(payload.expression);
      const element = handle.asElement();
      if (!element) throw new Error(`nothing to click: ${payload.expression.slice(0, 120)}`);
      // As a person aims: at where the thing has come to rest once in view (cards above it may
      // still be laying themselves out).
      await element.scrollIntoView();
      let box = await element.boundingBox();
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, 50));
        const now = await element.boundingBox();
        if (box && now && Math.abs(now.x - box.x) < 1 && Math.abs(now.y - box.y) < 1) break;
        box = now;
      }
      await element.click();
      await handle.dispose();
      return true;
    }
    if (command === 'mutual:peer-keys') {
      if (payload.type) await peer.keyboard.type(payload.type);
      for (const key of payload.press ?? []) await peer.keyboard.press(key);
      return true;
    }
    if (command === 'mutual:peer-media') {
      await peer.emulateMediaFeatures(payload.features ?? []);
      return true;
    }
    if (command === 'mutual:peer-screenshot') {
      await mkdir(dirname(payload.path), { recursive: true });
      await peer.screenshot({ path: payload.path, fullPage: true });
      return true;
    }
    if (command === 'mutual:peer-close') {
      peerPages.delete(pageKey(session, payload));
      await peer.close();
      await peer.isolatedContext?.close();
      return true;
    }
    return undefined;
  },
};
