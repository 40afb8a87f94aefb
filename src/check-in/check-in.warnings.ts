/** `<mutual-check-in>`'s console warnings, loaded the first time one is needed (see `core/warnings.ts`). */
export const warnings = {
  'peer-messages': (p: { error: string }) =>
    `<mutual-check-in>: could not load encouragements from peers (${p.error}).`,
  topics: (p: { count: number; max: number }) =>
    `<mutual-check-in>: ${p.count} topics is more than an event can carry (${p.max}); showing the first ${p.max}.`,
};
