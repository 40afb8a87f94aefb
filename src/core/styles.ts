import { css } from 'lit';
import { tokenStyles } from './tokens.js';

/** The base sheet every Mutual element adopts first. */
export const baseStyles = [
  tokenStyles,
  css`
    :host {
      display: block;
      font-family: var(--_font-family);
      font-size: var(--_font-size);
      line-height: 1.5;
      color: var(--_color-text);
    }
    :host([hidden]) {
      display: none;
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
    :host([theme='auto']) {
      color-scheme: light dark;
    }
    *,
    *::before,
    *::after {
      box-sizing: border-box;
    }
    button,
    input,
    textarea,
    select {
      font: inherit;
      color: inherit;
    }
    button {
      min-block-size: 44px;
      min-inline-size: 44px;
      cursor: pointer;
      transition:
        background-color var(--_duration),
        border-color var(--_duration);
    }
    button:disabled {
      cursor: not-allowed;
    }
    :focus-visible {
      outline: 3px solid var(--_color-focus);
      outline-offset: 2px;
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
    @media (prefers-reduced-motion: reduce) {
      *,
      *::before,
      *::after {
        transition: none !important;
        animation: none !important;
        scroll-behavior: auto !important;
      }
    }
    @media (forced-colors: active) {
      button {
        border: 1px solid ButtonText;
      }
      :focus-visible {
        outline-color: Highlight;
      }
    }
  `,
];

/** Buttons, text areas and messages shared by the elements with forms (story card, check-in). */
export const formStyles = css`
  button,
  a.action {
    padding: var(--_space-xs) var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
    background: var(--_color-surface);
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    min-block-size: 44px;
  }
  button.primary {
    background: var(--_color-accent);
    border-color: var(--_color-accent);
    color: var(--_color-on-accent);
  }
  button.link {
    border: none;
    background: none;
    padding-inline: 0;
    color: var(--_color-accent);
    text-decoration: underline;
  }
  textarea {
    inline-size: 100%;
    min-block-size: 6em;
    padding: var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
    background: var(--_color-surface);
    resize: vertical;
  }
  .hint {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  .error,
  .hint.over {
    margin: 0;
    color: var(--_color-danger);
    font-weight: 600;
  }
  .nudge {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius-s);
    background: var(--_color-warning-surface);
  }
  .nudge p {
    flex-basis: 100%;
    margin: 0;
  }
  label.choice {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
    min-block-size: 44px;
  }
  @media (forced-colors: active) {
    button.primary {
      forced-color-adjust: none;
      background: ButtonText;
      color: ButtonFace;
    }
  }
`;
