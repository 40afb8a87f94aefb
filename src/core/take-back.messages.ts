/** English source strings (see src/locales/en.ts for the wording notes). */
export default {
  'take-back.button': 'Take it back',
  'take-back.question':
    'Take it back? It won’t be published, and its words will be deleted from this community. This can’t be undone.',
  'take-back.confirm': 'Take it back',
  'take-back.keep': 'Keep it',
  'take-back.close': 'Close',
  'take-back.done': 'Taken back. It won’t be published, and its words have been deleted.',
  'take-back.queued': 'Saved on this device — it will be taken back as soon as the connection is back.',
  'take-back.waiting':
    'Saved on this device — the community’s site couldn’t take it back just now. It will keep trying.',
  'take-back.failed':
    'This couldn’t be taken back from here. The people who look after this community can remove it for you.',
} as const;
