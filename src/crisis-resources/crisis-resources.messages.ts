/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'crisis-resources.title': 'If you need to talk to someone now',
  'crisis-resources.intro':
    'You don’t have to go through this alone. These free, confidential lines are there for you:',
  'crisis-resources.intro-directory':
    'You don’t have to go through this alone. Free, confidential lines are there for you in most countries, by phone, text or chat:',
  'crisis-resources.more': 'Find a helpline in your country',
} as const;
