/**
 * THE list of Mutual's elements. It drives the build entries (vite.config.ts), the lazy loader (checked),
 * `all.ts`, the package exports, the React wrappers, the size report, the snippet builder and
 * Storybook; tests/node/elements.test.ts fails when one of them misses an element.
 * Data only: importing it defines nothing.
 */
export const ELEMENTS = [
  { tag: 'mutual-provider', folder: 'provider', react: 'Provider', audience: 'members' },
  { tag: 'mutual-me-too', folder: 'me-too', react: 'MeToo', audience: 'members' },
  { tag: 'mutual-story-card', folder: 'story-card', react: 'StoryCard', audience: 'members' },
  { tag: 'mutual-check-in', folder: 'check-in', react: 'CheckIn', audience: 'members' },
  { tag: 'mutual-crisis-resources', folder: 'crisis-resources', react: 'CrisisResources', audience: 'members' },
  { tag: 'mutual-quick-exit', folder: 'quick-exit', react: 'QuickExit', audience: 'members' },
  { tag: 'mutual-share-story', folder: 'share-story', react: 'ShareStory', audience: 'members' },
  { tag: 'mutual-story-feed', folder: 'story-feed', react: 'StoryFeed', audience: 'members' },
  { tag: 'mutual-came-back', folder: 'came-back', react: 'CameBack', audience: 'members' },
  // For the host's admin page only: in `admin.ts`, never in `all.ts`, the loader or the members' React wrappers.
  { tag: 'mutual-moderation-queue', folder: 'moderation-queue', react: null, audience: 'admin' },
  { tag: 'mutual-community-pulse', folder: 'community-pulse', react: null, audience: 'admin' },
] as const;

/** The elements members' pages load (`all.ts`, the loader, the React wrappers). */
export const MEMBER_ELEMENTS = ELEMENTS.filter((e) => e.audience === 'members');

export type MutualTag = (typeof ELEMENTS)[number]['tag'];
