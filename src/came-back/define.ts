import { defineElement } from '../core/define.js';
import { MutualCameBack } from './came-back.js';

export { MutualCameBack };
defineElement('mutual-came-back', MutualCameBack);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-came-back': MutualCameBack;
  }
}
