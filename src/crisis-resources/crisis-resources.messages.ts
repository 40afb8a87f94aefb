/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'crisis.title': 'If you need to talk to someone now',
  'crisis.intro': 'You don’t have to go through this alone. These free, confidential lines are there for you:',
  'crisis.intro-directory':
    'You don’t have to go through this alone. Free, confidential lines are there for you in most countries, by phone, text or chat:',
  'crisis.more': 'Find a helpline in your country',
} as const;
