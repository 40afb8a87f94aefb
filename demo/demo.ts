import '../src/all.js';
import { startEventsPanel } from './events-panel.js';
import './lit-dev-mode.js';

// One switch re-renders every widget in place: they all follow the provider's locale.
const provider = document.querySelector('mutual-provider')!;
startEventsPanel(document.getElementById('events')!, provider.getAttribute('endpoint') ?? undefined);
document.getElementById('language')!.addEventListener('change', (e) => {
  const locale = (e.target as HTMLSelectElement).value;
  provider.setAttribute('locale', locale);
  document.documentElement.lang = locale;
});
