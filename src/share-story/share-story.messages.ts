/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'share-story.title': 'Share your story',
  'share-story.intro':
    'Your experience could be what someone else needs to read today. Write it in your own words — there is no right way.',
  'share-story.heading': 'A title for your story',
  'share-story.text': 'Your story',
  'share-story.text-hint': 'Leave a blank line between paragraphs.',
  'share-story.count': '{count} of {limit} characters',
  'share-story.author': 'The name peers will see (optional)',
  'share-story.author-hint': 'Leave it empty to be shown as “A peer”. Please don’t use your full name.',
  'share-story.warnings': 'Does your story mention any of these? Readers can then choose when to read it.',
  'share-story.tags': 'Topics (optional)',
  'share-story.add-own': 'Add your own',
  'share-story.add': 'Add',
  'share-story.consent':
    'I’m okay with moderators reading my story first and, once they approve it, with members of this community reading it and responding.',
  'share-story.who':
    'A moderator reads every story before anyone else can see it. Nothing that identifies you is sent unless you write it.',
  'share-story.preview': 'Preview',
  'share-story.preview-title': 'This is how your story will appear',
  'share-story.edit': 'Keep editing',
  'share-story.send': 'Send to the moderators',
  'share-story.need-heading': 'Please give your story a title.',
  'share-story.need-text': 'Write a few words first — whatever feels right.',
  'share-story.over': {
    one: 'Please shorten your story by {count} character to send it.',
    other: 'Please shorten your story by {count} characters to send it.',
  },
  'share-story.need-consent':
    'Please tick the box if you’re okay with this — or keep your story to yourself, that’s fine too.',
  'share-story.thanks': 'Thank you for sharing your story.',
  'share-story.review':
    'A moderator will read it first. Once it is approved, it appears for the community, where peers can say “me too” and respond.',
  'share-story.take-down': 'You can take it down whenever you like, from its card on this device.',
  'share-story.take-down-not-kept':
    'Nothing is kept on this device, so to take it down later, ask the people who look after this community.',
  'share-story.another': 'Write another story',
  'share-story.mine': { one: 'Your story on this device (1)', other: 'Your stories on this device ({count})' },
  'share-story.mine-label': 'Your stories on this device',
  'share-story.mine-checking': 'Checking where they stand…',
  'share-story.mine-error': 'This couldn’t be checked just now.',
  'share-story.mine-retry': 'Try again',
  'share-story.mine-waiting': 'Waiting for review',
  'share-story.mine-published': 'Published — peers can read it',
  'share-story.mine-not-published': 'Not published: the moderators decided not to share this one',
  'share-story.mine-gone': 'Taken down',
  'share-story.mine-reactions': { one: '{count} reaction from peers', other: '{count} reactions from peers' },
  'share-story.mine-responses': { one: '{count} response', other: '{count} responses' },
  'share-story.sending': 'Sending…',
  'share-story.sent': 'It has reached the moderators.',
  'share-story.queued': 'Saved on this device — it will be sent as soon as the connection is back.',
  'share-story.waiting': 'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
  'share-story.failed': 'This couldn’t be sent. Your story is still here.',
  'share-story.full':
    'Too many unsent messages are waiting on this device, so this one could not be queued. Your story is still here: send it again when you’re back online.',
  'share-story.unconfirmed': 'We couldn’t confirm that your story arrived. It is still here, so you can send it again.',
  'share-story.back': 'Back to my story',
  'share-story.draft-kept': 'Your draft is kept on this device until it is sent.',
  'share-story.draft-not-kept': 'Nothing is saved on this device: if you leave, your draft is gone.',
  'share-story.draft-cannot-keep':
    'This browser can’t keep anything on this device right now: if you leave before it is sent, your draft is gone.',
} as const;
