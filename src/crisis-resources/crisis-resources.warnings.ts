/** `<mutual-crisis-resources>`'s console warnings, loaded the first time one is needed (see `core/warnings.ts`). */
export const warnings = {
  lines: (p: { attribute: string }) =>
    `<mutual-crisis-resources>: every entry of "${p.attribute}" needs a "name" and a "contact"; left out the others.`,
  region: (p: { value: string }) =>
    `<mutual-crisis-resources>: region="${p.value}" is not a two-letter country code (like GB or MX); using the locale's region.`,
};
