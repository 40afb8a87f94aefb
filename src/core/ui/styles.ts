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
    /* Widgets placed one after another on a plain page keep a gap (--mutual-gap: 0 turns it off). */
    :host(:not(:last-child)) {
      margin-block-end: var(--mutual-gap, var(--_space-m));
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
