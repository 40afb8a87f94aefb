/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'quick-exit.label': 'Leave this site',
  'quick-exit.hint': 'Or press Escape twice',
} as const;
