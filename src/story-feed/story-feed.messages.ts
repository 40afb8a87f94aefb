/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'story-feed.label': 'Stories from this community',
  'story-feed.loading': 'Loading stories…',
  'story-feed.more': 'Load more stories',
  'story-feed.end': 'You’ve reached the end. Thank you for reading.',
  'story-feed.empty': 'No stories here yet. When peers share theirs, they will appear here.',
  'story-feed.error': 'Stories couldn’t load just now. It’s not something you did.',
  'story-feed.offline': 'You’re offline. Stories will load when the connection is back.',
  'story-feed.retry': 'Try again',
} as const;
