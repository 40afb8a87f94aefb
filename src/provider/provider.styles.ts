import { css } from 'lit';

export const providerStyles = css`
    :host {
      display: contents;
    }
    .forget {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space-s);
      align-items: center;
      font-size: 0.875em;
    }
    button {
      padding: var(--_space-xs) var(--_space-m);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius-s);
      background: var(--_color-surface);
    }
  `;
