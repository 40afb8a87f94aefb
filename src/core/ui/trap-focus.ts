/**
 * Keeps Tab and Shift+Tab inside an open modal `<dialog>`: a native modal already makes the page
 * inert, but lets focus leave for the browser's own UI. Bind it as the dialog's `keydown` handler.
 */
export function trapFocus(e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const dialog = e.currentTarget as HTMLDialogElement;
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>('button, input:checked, input:not([type="radio"]), a[href], textarea'),
  ];
  // A radio group is one stop: the checked radio, else the first.
  const radios = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  if (radios.length && !radios.some((r) => r.checked)) focusable.push(radios[0]);
  const ordered = focusable.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = ordered[0];
  const last = ordered.at(-1);
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  if (e.shiftKey && active === first) {
    e.preventDefault();
    last?.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first?.focus();
  }
}
