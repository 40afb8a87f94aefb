import { css } from 'lit';

/** A modal `<dialog>` as the elements open it (the card's report and take-down, the queue's shortcuts). */
export const dialogStyles = css`
  dialog {
    max-inline-size: min(32rem, calc(100vw - 2rem));
    padding: var(--_space-l);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_color-surface);
    color: var(--_color-text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  @media (forced-colors: active) {
    dialog {
      border: 1px solid CanvasText;
    }
  }
`;
