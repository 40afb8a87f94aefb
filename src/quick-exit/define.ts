import { defineElement } from '../core/define.js';
import { MutualQuickExit } from './quick-exit.js';

export { MutualQuickExit };
defineElement('mutual-quick-exit', MutualQuickExit);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-quick-exit': MutualQuickExit;
  }
}
