/**
 * English source strings of the reply composer and the report dialog, which load on intent with
 * `story-card.reply.ts` (see src/locales/en.ts for the wording notes).
 */
export default {
  'story-card.composer-label': 'Your experience, in your own words',
  'story-card.composer-note':
    'Your reply is sent to this community and may be shown to other peers. Please leave out names and contact details.',
  'story-card.composer-count': '{count} of {limit} characters',
  'story-card.composer-over': {
    one: 'Please shorten your reply by {count} character to send it.',
    other: 'Please shorten your reply by {count} characters to send it.',
  },
  'story-card.composer-empty': 'Write a few words first — whatever feels right.',
  'story-card.send': 'Send',
  'story-card.cancel': 'Cancel',
  'story-card.sending': 'Sending…',
  'story-card.sent': 'Thank you for sharing back. Your words may help someone feel less alone.',
  'story-card.queued': 'Saved on this device — it will be sent as soon as the connection is back.',
  'story-card.waiting': 'Saved on this device — the community’s site couldn’t take it just now. It will keep trying.',
  'story-card.failed': 'This couldn’t be sent. Your words are still here.',
  'story-card.full':
    'Too many unsent messages are waiting on this device, so this one could not be queued. Your words are still here: send them again when you’re back online.',
  'story-card.unconfirmed':
    'We couldn’t confirm that your response arrived. Your words are still here, so you can send them again.',
  'story-card.draft-cannot-keep':
    'This browser can’t keep anything on this device right now: if you leave before it is sent, your draft is gone.',
  'story-card.draft-kept': 'Your draft is kept on this device until it is sent.',
  'story-card.draft-not-kept': 'Nothing is saved on this device: if you leave, your draft is gone.',
  'story-card.report-title': 'Report this story',
  'story-card.report-intro': 'Thank you for looking out for this community. What’s the concern?',
  'story-card.reason.harmful': 'It could be harmful or unsafe',
  'story-card.reason.spam': 'It’s spam or advertising',
  'story-card.reason.personal-info': 'It shares someone’s personal information',
  'story-card.reason.worried': 'I’m worried about the writer',
  'story-card.report-send': 'Send report',
  'story-card.report-choose': 'Please choose a reason.',
  'story-card.report-thanks': 'Thank you. The people who look after this community will take a look.',
  'story-card.close': 'Close',
  'story-card.take-down-title': 'Take down your story?',
  'story-card.take-down-text':
    'Peers will no longer see it, and its words will be deleted from this community. This can’t be undone.',
  'story-card.take-down-confirm': 'Take it down',
  'story-card.take-down-keep': 'Keep it',
  'story-card.take-down-response-title': 'Take down your response?',
  'story-card.take-down-queued': 'Saved on this device — it will be taken down as soon as the connection is back.',
  'story-card.take-down-waiting':
    'Saved on this device — the community’s site couldn’t take it down just now. It will keep trying.',
  'story-card.take-down-failed':
    'This couldn’t be taken down from here. The people who look after this community can remove it for you.',
  'story-card.taken-down': 'Your story has been taken down. Peers no longer see it.',
  'story-card.response-taken-down': 'Your response has been taken down. Peers no longer see it.',
} as const;
