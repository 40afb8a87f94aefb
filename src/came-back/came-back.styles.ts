import { css } from 'lit';

export const cameBackStyles = css`
    :host {
      display: inline-block;
      position: relative;
    }
    [part='button'] {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-xs);
    }
    [part='badge'] {
      padding-inline: var(--_space-xs);
      border-radius: 999px;
      background: var(--_color-accent);
      color: var(--_color-on-accent, #fff);
      font-size: 0.85em;
    }
    [part='panel'] {
      position: absolute;
      inset-inline-end: 0;
      z-index: 10;
      inline-size: min(26rem, calc(100vw - 2rem));
      max-block-size: 70vh;
      overflow: auto;
      margin-block-start: var(--_space-xs);
      padding: var(--_space-m);
      border: 1px solid var(--_color-border);
      border-radius: var(--_radius-m);
      background: var(--mutual-came-back-background, var(--_color-surface));
      color: var(--_color-text);
      box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.15);
    }
    [part='title'] {
      margin: 0 0 var(--_space-xs);
      font-size: 1.05em;
      font-weight: 600;
    }
    ul {
      margin: var(--_space-s) 0;
      padding: 0;
      list-style: none;
    }
    li + li {
      margin-block-start: var(--_space-s);
      padding-block-start: var(--_space-s);
      border-block-start: 1px solid var(--_color-border);
    }
    blockquote {
      margin: var(--_space-xs) 0 0;
      padding-inline-start: var(--_space-s);
      border-inline-start: 3px solid var(--_color-border);
    }
    p {
      margin: var(--_space-xs) 0 0;
    }
    @media (forced-colors: active) {
      [part='panel'],
      [part='badge'] {
        border: 1px solid CanvasText;
      }
    }
`;
