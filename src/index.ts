export * from './core/public.js';
export { MutualProvider } from './provider/define.js';
export { MutualMeToo } from './me-too/define.js';
export { MutualStoryCard } from './story-card/define.js';
export { MutualCrisisResources } from './crisis-resources/define.js';
export { MutualCheckIn } from './check-in/define.js';
export { MutualQuickExit } from './quick-exit/define.js';
