import '../src/all.js';
import { startEventsPanel } from './events-panel.js';

startEventsPanel(document.getElementById('events')!);
