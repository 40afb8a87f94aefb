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
    @media (forced-colors: active) {
      [part='button'] {
        border-color: ButtonText;
      }
    }
  `;
