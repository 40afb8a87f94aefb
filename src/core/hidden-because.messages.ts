/**
 * English source strings (see src/locales/en.ts for the wording notes): what a writer is told when a
 * moderator did not publish their text and chose one of the host's reasons. Kind, never a verdict.
 */
export default {
  'hidden-because.names-someone':
    'It named or pointed to someone else, so it wasn’t shared, to protect them. You’re welcome to write it again without the name.',
  'hidden-because.could-identify-you':
    'It held details that could identify you, so it wasn’t shared, to keep you safe here. You’re welcome to write it again without them.',
  'hidden-because.contact-details': 'It included contact details or a link, which this space doesn’t share.',
  'hidden-because.harmful-detail':
    'It described harm in a way that could hurt others who read it. What you feel is welcome here; if things are hard right now, a helpline can listen.',
  'hidden-because.not-this-space': 'It wasn’t the kind of sharing this space is for.',
} as const;
