/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'quick-exit.label': 'Leave this site',
  'quick-exit.hint': 'Or press Shift 3 times',
  'quick-exit.hint-escape': 'Or press Escape twice',
  'quick-exit.two-more': 'Shift: press 2 more times to leave this site.',
  'quick-exit.one-more': 'Shift: press 1 more time to leave this site.',
  'quick-exit.expired': 'Leaving by keyboard expired.',
  'quick-exit.leaving': 'Leaving.',
} as const;
