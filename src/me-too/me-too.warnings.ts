/** `<mutual-me-too>`'s console warnings, loaded the first time one is needed (see `core/warnings.ts`). */
export const warnings = {
  layout: (p: { value: string }) => `<mutual-me-too>: layout="${p.value}" is not "full" or "compact"; using "full".`,
  subject: () => '<mutual-me-too>: the "subject" attribute is missing, so the reactions are shown disabled.',
  counts: (p: { subject: string; error: string }) =>
    `<mutual-me-too>: could not load counts for "${p.subject}" (${p.error}); showing the bar without them.`,
  damaged: (p: { subject: string }) =>
    `<mutual-me-too>: what this device remembered about its reactions to "${p.subject}" was damaged; it is set aside and the bar starts unpressed.`,
  reaction: (p: { name: string; builtIn: string }) =>
    `<mutual-me-too>: unknown reaction "${p.name}" ignored. Use one of ${p.builtIn}, or add your own as "name:Label".`,
};
