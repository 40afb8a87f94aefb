/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'nudge.email': 'This looks like an email address.',
  'nudge.phone': 'This looks like a phone number.',
  'nudge.url': 'This looks like a link to a website or profile.',
  'nudge.address': 'This looks like a street address.',
  'nudge.handle': 'This looks like a social media handle.',
  'nudge.others': 'Others will see it. Remove it?',
  'nudge.edit': 'Edit',
  'nudge.send-anyway': 'Send anyway',
} as const;
