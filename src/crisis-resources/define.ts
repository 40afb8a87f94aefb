import { defineElement } from '../core/define.js';
import { MutualCrisisResources } from './crisis-resources.js';

export { MutualCrisisResources };
defineElement('mutual-crisis-resources', MutualCrisisResources);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-crisis-resources': MutualCrisisResources;
  }
}
