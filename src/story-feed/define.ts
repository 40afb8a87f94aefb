import { defineElement } from '../core/define.js';
import { MutualStoryFeed } from './story-feed.js';

export { MutualStoryFeed };
defineElement('mutual-story-feed', MutualStoryFeed);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-story-feed': MutualStoryFeed;
  }
}
