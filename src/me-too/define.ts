import { defineElement } from '../core/define.js';
import { MutualMeToo } from './me-too.js';

export { MutualMeToo };
defineElement('mutual-me-too', MutualMeToo);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-me-too': MutualMeToo;
  }
}
