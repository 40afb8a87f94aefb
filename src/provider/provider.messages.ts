/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'provider.button': 'Forget me on this device',
  'provider.done':
    'Everything Mutual kept on this device has been removed, and this community’s server was asked to forget your reactions and any words still waiting for review.',
  'provider.published':
    'If a story or response of yours was already published, it stays up: the people who look after this community can take it down for you.',
} as const;
