import { css } from 'lit';

export const quickExitStyles = css`
    :host {
      position: fixed;
      z-index: 2147483000;
      inset-block-start: var(--_space-s);
      inset-inline-end: var(--_space-s);
    }
    :host([position='top-start']) {
      inset-inline: var(--_space-s) auto;
    }
    :host([position^='bottom']) {
      inset-block: auto var(--_space-s);
    }
    :host([position='bottom-start']) {
      inset-inline: var(--_space-s) auto;
    }
    [part='button'] {
      display: grid;
      padding: var(--_space-s) var(--_space-m);
      border: 2px solid var(--_color-on-accent);
      border-radius: var(--_radius-s);
      background: var(--mutual-quick-exit-background, var(--_color-accent));
      color: var(--_color-on-accent);
      font-weight: 700;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
    }
    small {
      font-weight: 400;
    }
    .overlay {
      display: none;
    }
    /* Leaving: the page is hidden at once, whatever it holds, while the neutral site loads. */
    :host([leaving]) .overlay {
      display: grid;
      place-items: center;
      position: fixed;
      inset: 0;
      background: Canvas;
      color: CanvasText;
      font-size: var(--_font-size);
    }
    /* Narrow screens: a full-width bar at the top that takes its own space (GOV.UK's pattern), so
       it never covers a reaction, a label or a field a member taps; it stays at hand while scrolling. */
    @media (max-width: 40rem) {
      :host,
      :host([position]) {
        position: sticky;
        inset: 0 auto auto 0;
        inline-size: 100%;
      }
      [part='button'] {
        inline-size: 100%;
        grid-auto-flow: column;
        justify-content: center;
        align-items: baseline;
        gap: var(--_space-s);
        border-radius: 0;
      }
    }
    @media (forced-colors: active) {
      [part='button'] {
        border-color: ButtonText;
      }
    }
  `;
