/** English source strings of the give-back step (see src/locales/en.ts for the wording notes). */
export default {
  'check-in.stories': 'Others who found {topics} hard shared these',
  'check-in.stories-ask': 'Read stories from peers who have been there',
  'check-in.give-intro': 'In this community, everyone brings something. Would you like to give something back?',
  'check-in.peer-message': 'Someone who checked in today wrote: “{message}”',
  'check-in.encourage': 'A few words of encouragement for another peer',
  'check-in.encourage-send': 'Send encouragement',
  'check-in.tip': 'Share what helped you as a tip others can learn from',
  'check-in.tip-consent': 'I’m okay with this being shared anonymously with other peers',
  'check-in.tip-send': 'Share my tip',
  'check-in.tip-needs-consent': 'Tick the box if you’re okay with sharing this — or skip, that’s fine too.',
  'check-in.give-empty': 'Write a few words first.',
  'check-in.skip': 'Skip for now',
  'check-in.give-gently':
    'There’s nothing you need to give today. If you’d like to, later or now, you can leave a few words for another peer.',
  'check-in.give-open': 'Leave a few words for a peer',
  'check-in.not-now': 'Not today',
  'check-in.done': 'Take care of yourself today. You can check in again anytime.',
} as const;
