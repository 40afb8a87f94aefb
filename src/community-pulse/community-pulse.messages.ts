/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'pulse.title': 'Community pulse, last {days} days',
  'pulse.privacy':
    'Counts only. Any day with fewer than 5 is shown as “fewer than 5”, so no one’s check-in can be picked out.',
  'pulse.series.checkins': 'Check-ins',
  'pulse.series.reactions': 'Reactions',
  'pulse.series.responses': 'Responses',
  'pulse.series.reports': 'Reports',
  'pulse.series.crisisShown': 'Crisis help shown',
  'pulse.summary': '{series} this week: {now}, {trend} {before}.',
  'pulse.up': 'up from',
  'pulse.down': 'down from',
  'pulse.same': 'the same as the week before,',
  'pulse.fewer': 'fewer than 5',
  'pulse.table': 'Show as a table',
  'pulse.day': 'Day',
  'pulse.count': 'Count',
  'pulse.moods': 'Check-ins by mood',
  'pulse.mood': 'Mood {mood}',
  'pulse.loading': 'Loading…',
  'pulse.error': 'The pulse could not be loaded ({reason}).',
  'pulse.retry': 'Try again',
} as const;
