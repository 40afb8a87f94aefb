/**
 * The root entry (`mutual-widgets`): public types and constants, no side effects. Importing it
 * defines and bundles no element; `mutual-widgets/all` (or `mutual-widgets/<element>`) does.
 */
export * from './core/public.js';
export { ELEMENTS, MEMBER_ELEMENTS, type MutualTag } from './elements.js';
export type { MutualProvider } from './provider/provider.js';
export type { MutualMeToo } from './me-too/me-too.js';
export type { MutualStoryCard } from './story-card/story-card.js';
export type { MutualCrisisResources } from './crisis-resources/crisis-resources.js';
export type { MutualCheckIn } from './check-in/check-in.js';
export type { MutualQuickExit } from './quick-exit/quick-exit.js';
export type { MutualModerationQueue } from './moderation-queue/moderation-queue.js';
export type { MutualCommunityPulse } from './community-pulse/community-pulse.js';
