import { css } from 'lit';

export const storyCardStyles = css`
  :host {
    --mutual-story-card-lines: 6;
    --_card-bg: var(--mutual-story-card-background, var(--_color-surface));
    /* In a long feed, cards far off screen skip layout and paint (still in the accessibility tree
       and found by find-in-page); the browser remembers each card's last size. */
    content-visibility: auto;
    contain-intrinsic-size: auto 16rem;
  }
  /* Nested widgets sit in this element's own grid: no page-level gap. */
  mutual-me-too,
  mutual-crisis-resources {
    --mutual-gap: 0px;
  }
  [part='base'] {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-l);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_card-bg);
  }
  [part='heading'],
  .dialog-title {
    margin: 0;
    font-size: 1.2em;
    font-weight: 700;
    line-height: 1.3;
  }
  [part='meta'] {
    margin: 0;
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  [part='tags'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='tags'] li {
    padding: 0 var(--_space-s);
    border-radius: var(--_radius-pill);
    background: var(--_color-surface-muted);
    font-size: 0.8125em;
  }
  [part='story'].clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--mutual-story-card-lines);
    overflow: hidden;
  }
  [part='warning'] {
    padding: var(--_space-m);
    border-radius: var(--_radius-s);
    background: var(--_color-warning-surface);
  }
  [part='warning'] p,
  [part='notice'] {
    margin: 0 0 var(--_space-s);
  }
  [part='actions'],
  .dialog-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  .report {
    margin-inline-start: auto;
  }
  #taken-down {
    margin: 0;
  }
  [part='composer'] {
    display: grid;
    gap: var(--_space-xs);
  }
  fieldset {
    margin-block-end: var(--_space-m);
  }
  legend {
    padding: 0;
  }
  dialog .close {
    margin-block-start: var(--_space-s);
  }
  @media (forced-colors: active) {
    [part='base'],
    [part='warning'] {
      border: 1px solid CanvasText;
    }
  }
`;
