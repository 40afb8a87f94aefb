/** `<mutual-quick-exit>`'s console warnings, loaded the first time one is needed (see `core/warnings.ts`). */
export const warnings = {
  href: (p: { value: string; fallback: string }) =>
    `<mutual-quick-exit>: href="${p.value}" is not an http(s) URL; using ${p.fallback}.`,
  keys: (p: { value: string; keys: string }) =>
    `<mutual-quick-exit>: keys="${p.value}" is not one of ${p.keys}; using "shift" (Shift pressed 3 times).`,
  position: (p: { value: string; positions: string }) =>
    `<mutual-quick-exit>: position="${p.value}" is not one of ${p.positions}.`,
};
