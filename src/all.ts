/**
 * Defines every Mutual element (`mutual-widgets/all`, and the CDN file `dist/mutual.js`).
 * The root entry (`mutual-widgets`) defines nothing: it holds types and constants only.
 */
export * from './index.js';
export { MutualProvider } from './provider/define.js';
export { MutualMeToo } from './me-too/define.js';
export { MutualStoryCard } from './story-card/define.js';
export { MutualCrisisResources } from './crisis-resources/define.js';
export { MutualCheckIn } from './check-in/define.js';
export { MutualQuickExit } from './quick-exit/define.js';
export { MutualShareStory } from './share-story/define.js';
export { MutualStoryFeed } from './story-feed/define.js';
export { MutualCameBack } from './came-back/define.js';
