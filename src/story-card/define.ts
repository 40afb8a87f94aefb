import { defineElement } from '../core/define.js';
import { MutualStoryCard } from './story-card.js';

export { MutualStoryCard };
defineElement('mutual-story-card', MutualStoryCard);

declare global {
  interface HTMLElementTagNameMap {
    'mutual-story-card': MutualStoryCard;
  }
}
