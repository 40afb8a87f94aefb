import { defineElement } from '../core/define.js';
import { MutualCommunityPulse } from './community-pulse.js';

export { MutualCommunityPulse };
defineElement('mutual-community-pulse', MutualCommunityPulse);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-community-pulse': MutualCommunityPulse;
  }
}
