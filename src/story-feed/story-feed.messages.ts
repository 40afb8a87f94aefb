/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'feed.label': 'Stories from this community',
  'feed.loading': 'Loading stories…',
  'feed.more': 'Load more stories',
  'feed.end': 'You’ve reached the end. Thank you for reading.',
  'feed.empty': 'No stories here yet. When peers share theirs, they will appear here.',
  'feed.error': 'Stories couldn’t load just now. It’s not something you did.',
  'feed.offline': 'You’re offline. Stories will load when the connection is back.',
  'feed.retry': 'Try again',
} as const;
