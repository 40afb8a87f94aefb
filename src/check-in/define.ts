import { defineElement } from '../core/define.js';
import { MutualCheckIn } from './check-in.js';

export { MutualCheckIn };
defineElement('mutual-check-in', MutualCheckIn);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-check-in': MutualCheckIn;
  }
}
