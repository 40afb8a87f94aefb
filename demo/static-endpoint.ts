// The static demo (`npm run build-demo`, served by any static host): no server answers /events, so
// the reference collector runs in the browser, kept in IndexedDB. Loaded before the page's widgets.
import { DEMO_MODERATOR_TOKEN, startInBrowserEndpoint } from './in-browser-endpoint.js';

void startInBrowserEndpoint('/events', { persist: true });

const note = document.createElement('aside');
note.setAttribute('aria-label', 'About this demo');
note.className = 'demo-store-note';
note.textContent = `This demo has no server: its endpoint is a demonstration store in this browser. What you send stays on this device, shared by this demo's pages. The moderation page's token is ${DEMO_MODERATOR_TOKEN}.`;
const place = () => document.body.prepend(note);
if (document.body) place();
else addEventListener('DOMContentLoaded', place, { once: true });
