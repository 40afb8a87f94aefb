/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'reaction.me-too': 'Me too',
  'reaction.understand': 'I understand',
  'reaction.strength': 'Sending strength',
  'reaction.helped': 'This helped me',
  'reactions.label': 'Respond to this as a peer',
  'reactions.name': { one: '{label}, {count} person', other: '{label}, {count} people' },
  'reactions.name-zero': '{label}',
  'reactions.few': 'A few people',
  'reactions.name-few': '{label}, a few people',
  'reactions.announce': { one: '{label}: {count} person', other: '{label}: {count} people' },
  'reactions.unavailable': 'Reactions aren’t available here right now. Nothing is wrong on your side.',
  'reactions.not-saved': '“{label}” could not be saved, so it was not counted. You can try again later.',
  'reactions.readonly': 'Responses from peers',
} as const;
