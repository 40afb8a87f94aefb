/** `<mutual-story-card>`'s console warnings, loaded the first time one is needed (see `core/warnings.ts`). */
export const warnings = {
  'story-id': () =>
    '<mutual-story-card>: the "story-id" attribute is missing; the story is shown, but nothing is sent.',
  published: (p: { value: string }) =>
    `<mutual-story-card>: published="${p.value}" is not an ISO date; the date is left out.`,
  'share-href': () => '<mutual-story-card>: share-href must be an http(s) URL; using the inline composer instead.',
};
