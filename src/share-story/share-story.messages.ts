/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'share.title': 'Share your story',
  'share.intro':
    'Your experience could be what someone else needs to read today. Write it in your own words — there is no right way.',
  'share.heading': 'A title for your story',
  'share.text': 'Your story',
  'share.text-hint': 'Leave a blank line between paragraphs.',
  'share.count': '{count} of {limit} characters',
  'share.author': 'The name peers will see (optional)',
  'share.author-hint': 'Leave it empty to be shown as “A peer”. Please don’t use your full name.',
  'share.warnings': 'Does your story mention any of these? Readers can then choose when to read it.',
  'share.tags': 'Topics (optional)',
  'share.add-own': 'Add your own',
  'share.add': 'Add',
  'share.consent':
    'I’m okay with moderators reading my story first and, once they approve it, with members of this community reading it and responding.',
  'share.who':
    'A moderator reads every story before anyone else can see it. Nothing that identifies you is sent unless you write it.',
  'share.preview': 'Preview',
  'share.preview-title': 'This is how your story will appear',
  'share.edit': 'Keep editing',
  'share.send': 'Send to the moderators',
  'share.need-heading': 'Please give your story a title.',
  'share.need-text': 'Write a few words first — whatever feels right.',
  'share.over': {
    one: 'Please shorten your story by {count} character to send it.',
    other: 'Please shorten your story by {count} characters to send it.',
  },
  'share.need-consent':
    'Please tick the box if you’re okay with this — or keep your story to yourself, that’s fine too.',
  'share.thanks': 'Thank you for sharing your story.',
  'share.review':
    'A moderator will read it first. Once it is approved, it appears for the community, where peers can say “me too” and respond.',
  'share.take-down': 'You can take it down whenever you like, from its card on this device.',
  'share.take-down-not-kept':
    'Nothing is kept on this device, so to take it down later, ask the people who look after this community.',
  'share.another': 'Write another story',
  'share.mine': { one: 'Your story on this device (1)', other: 'Your stories on this device ({count})' },
  'share.mine-label': 'Your stories on this device',
  'share.mine-checking': 'Checking where they stand…',
  'share.mine-error': 'This couldn’t be checked just now.',
  'share.mine-retry': 'Try again',
  'share.mine-waiting': 'Waiting for review',
  'share.mine-published': 'Published — peers can read it',
  'share.mine-not-published': 'Not published: the moderators decided not to share this one',
  'share.mine-gone': 'Taken down',
  'share.mine-reactions': { one: '{count} reaction from peers', other: '{count} reactions from peers' },
  'share.mine-responses': { one: '{count} response', other: '{count} responses' },
  'share.sending': 'Sending…',
  'share.sent': 'It has reached the moderators.',
  'share.queued': 'Saved on this device — it will be sent as soon as the connection is back.',
  'share.waiting': 'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
  'share.failed': 'This couldn’t be sent. Your story is still here.',
  'share.full':
    'Too many unsent messages are waiting on this device, so this one could not be queued. Your story is still here: send it again when you’re back online.',
  'share.unconfirmed': 'We couldn’t confirm that your story arrived. It is still here, so you can send it again.',
  'share.back': 'Back to my story',
  'share.draft-kept': 'Your draft is kept on this device until it is sent.',
  'share.draft-not-kept': 'Nothing is saved on this device: if you leave, your draft is gone.',
  'share.draft-cannot-keep':
    'This browser can’t keep anything on this device right now: if you leave before it is sent, your draft is gone.',
} as const;
