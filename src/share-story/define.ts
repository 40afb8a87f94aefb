import { defineElement } from '../core/define.js';
import { MutualShareStory } from './share-story.js';

export { MutualShareStory };
defineElement('mutual-share-story', MutualShareStory);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-share-story': MutualShareStory;
  }
}
