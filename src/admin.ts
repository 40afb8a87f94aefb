/**
 * The host's admin elements (`mutual-widgets/admin`, the CDN file `dist/mutual-admin.js`): never
 * part of `all.ts` or the loader, so they never load on members' pages.
 */
export { MutualModerationQueue } from './moderation-queue/define.js';
export { MutualCommunityPulse } from './community-pulse/define.js';
