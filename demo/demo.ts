import '../src/all.js';
import { startEventsPanel } from './events-panel.js';

// The demo runs from source under Vite, i.e. Lit's development build; its one "dev mode" notice
// is expected here and kept out of the console with Lit's own switch. Sites ship dist/ (production).
((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set()).add('dev-mode');

startEventsPanel(document.getElementById('events')!);

// One switch re-renders every widget in place: they all follow the provider's locale.
const provider = document.querySelector('mutual-provider')!;
document.getElementById('language')!.addEventListener('change', (e) => {
  const locale = (e.target as HTMLSelectElement).value;
  provider.setAttribute('locale', locale);
  document.documentElement.lang = locale;
});
