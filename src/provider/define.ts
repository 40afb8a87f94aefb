import { defineElement } from '../core/define.js';
import { MutualProvider } from './provider.js';

export { MutualProvider };
defineElement('mutual-provider', MutualProvider);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-provider': MutualProvider;
  }
}
