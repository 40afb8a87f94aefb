import { defineElement } from '../core/define.js';
import { MutualModerationQueue } from './moderation-queue.js';

export { MutualModerationQueue };
defineElement('mutual-moderation-queue', MutualModerationQueue);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-moderation-queue': MutualModerationQueue;
  }
}
