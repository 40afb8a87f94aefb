import { css } from 'lit';

export const moderationQueueStyles = css`
  :host {
    --_panel-bg: var(--mutual-moderation-queue-background, var(--_color-surface));
  }
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_color-accent);
    background: var(--_color-accent-soft);
    font-weight: 700;
  }
  ol {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='item'] {
    display: grid;
    gap: var(--_space-xs);
    padding: var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
  }
  [part='item']:focus-visible {
    outline: 3px solid var(--_color-focus);
    outline-offset: 2px;
  }
  [part='item'] p {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .shown {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-m);
    margin: 0;
    font-size: 0.875em;
  }
  .shown dt {
    display: inline;
    color: var(--_color-text-muted);
  }
  .shown dt::after {
    content: ': ';
  }
  .shown dd {
    display: inline;
    margin: 0;
    overflow-wrap: anywhere;
  }
  .meta {
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  .flags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .flags li {
    padding: 0 var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-pill);
    font-size: 0.875em;
  }
  .flags .crisis {
    border-color: var(--_color-accent);
    font-weight: 700;
  }
  [part='actions'],
  [part='bulk'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  @media (forced-colors: active) {
    [role='tab'][aria-selected='true'] {
      border: 2px solid Highlight;
    }
  }
  .history {
    padding-inline-start: var(--_space-m);
    border-inline-start: 2px solid var(--_color-border);
  }
  .history ol {
    gap: var(--_space-xs);
  }
  dialog dl {
    display: grid;
    gap: var(--_space-xs);
  }
  dialog dl div {
    display: flex;
    gap: var(--_space-s);
  }
  dialog dd {
    margin: 0;
  }
  kbd {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.3em;
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s);
    font-family: inherit;
    text-align: center;
  }
  [part='bulk'] {
    align-items: center;
    padding: var(--_space-s) 0;
    border-block-end: 1px solid var(--_color-border);
  }
  .pick {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    justify-self: start;
  }
  .pick input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_color-accent);
  }
  .reason {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs);
  }
  .reviewing {
    margin: 0;
    font-weight: 700;
    color: var(--_color-accent);
  }
`;
