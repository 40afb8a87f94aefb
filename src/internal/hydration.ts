import type { ReactiveElement } from 'lit';

/**
 * Whether `host` is about to hydrate markup a server rendered (Lit SSR: its declarative shadow root
 * already holds the server's elements). Its first render must then match the server's, which knew
 * nothing of this device; what the device holds (presses, hidden topics) shows in the update after.
 */
export const renderedByServer = (host: ReactiveElement): boolean =>
  !host.hasUpdated && [...(host.shadowRoot?.children ?? [])].some((child) => child.localName !== 'style');
