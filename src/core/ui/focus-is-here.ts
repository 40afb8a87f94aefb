/**
 * Whether focus is in this element's shadow root, or nowhere (on the page's body): only then may
 * something the member did not just do — an answer that waited for the connection — move it.
 * (A function, not a member of every element: only those that take texts back use it.)
 */
export function focusIsHere(host: Element): boolean {
  return !!host.shadowRoot?.activeElement || document.activeElement === document.body;
}
