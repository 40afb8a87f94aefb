/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'me-too.me-too': 'Me too',
  'me-too.understand': 'I understand',
  'me-too.strength': 'Sending strength',
  'me-too.helped': 'This helped me',
  'me-too.label': 'Respond to this as a peer',
  'me-too.name': { one: '{label}, {count} person', other: '{label}, {count} people' },
  'me-too.name-zero': '{label}',
  'me-too.few': 'A few people',
  'me-too.name-few': '{label}, a few people',
  'me-too.announce': { one: '{label}: {count} person', other: '{label}: {count} people' },
  'me-too.unavailable': 'Reactions aren’t available here right now. Nothing is wrong on your side.',
  'me-too.not-saved': '“{label}” could not be saved, so it was not counted. You can try again later.',
  'me-too.readonly': 'Responses from peers',
} as const;
