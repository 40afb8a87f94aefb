import { css } from 'lit';

export const checkInStyles = css`
  :host {
    --_panel-bg: var(--mutual-check-in-background, var(--_color-surface));
  }
  legend {
    margin-block-end: var(--_space-xs);
    font-weight: 600;
  }
  [part='moods'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  [part='moods'] label {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-block-size: 44px;
    padding: 0 var(--_space-m) 0 var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-pill);
    cursor: pointer;
  }
  [part='moods'] label:has(input:checked) {
    background: var(--_color-accent-soft);
    border-color: var(--_color-accent);
    font-weight: 600;
  }
  [part='moods'] input {
    inline-size: 1.1em;
    block-size: 1.1em;
    accent-color: var(--_color-accent);
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  label {
    font-weight: 600;
  }
  label.choice,
  [part='moods'] label {
    font-weight: 400;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  blockquote {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_color-accent);
    background: var(--_color-surface-muted);
  }
  @media (forced-colors: active) {
    [part='moods'] label:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`;
