import { css } from 'lit';

export const meTooStyles = css`
  /* A page may hold hundreds of bars: those far off screen skip style, layout and paint (still in
     the accessibility tree, found by find-in-page); the clip margin keeps focus rings whole. The
     compact layout's names float above the bar, so it is never clipped. */
  :host(:not([layout='compact'])) {
    content-visibility: auto;
    contain-intrinsic-block-size: auto 2.75rem;
    overflow-clip-margin: 8px;
  }
  :host {
    --mutual-me-too-gap: var(--_space-s);
    --_pressed-bg: var(--mutual-me-too-pressed-background, var(--_color-accent-soft));
    --_pressed-border: var(--mutual-me-too-pressed-border, var(--_color-accent));
  }
  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mutual-me-too-gap);
    align-items: center;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='button'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    padding: var(--_space-xs) var(--_space-m);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-pill);
    background: var(--_color-surface);
  }
  [part~='button']:hover:not(:disabled) {
    border-color: var(--_color-accent);
  }
  [part~='button'][aria-pressed='true'] {
    background: var(--_pressed-bg);
    border-color: var(--_pressed-border);
    font-weight: 600;
  }
  [part~='button']:disabled {
    color: var(--_color-text-muted);
  }
  [part='icon'] {
    flex: none;
    color: var(--_color-accent);
  }
  [part~='count'],
  .readonly-item {
    color: var(--_color-text-muted);
    font-variant-numeric: tabular-nums;
  }
  .readonly-item {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-xs);
    min-block-size: 44px;
  }
  [part='note'] {
    flex-basis: 100%;
    margin: 0;
    color: var(--_color-text-muted);
    font-size: 0.875em;
  }
  /* Compact: icons and counts; the name appears on hover and focus. */
  :host([layout='compact']) [part~='button'] {
    padding-inline: var(--_space-s);
  }
  :host([layout='compact']) [part='label'] {
    position: absolute;
    inset-block-end: calc(100% + 4px);
    inset-inline-start: 50%;
    translate: -50% 0;
    padding: 2px var(--_space-s);
    border-radius: var(--_radius-s);
    background: var(--_color-text);
    color: var(--_color-surface);
    font-size: 0.8125em;
    font-weight: 400;
    white-space: nowrap;
    pointer-events: none;
    opacity: 0;
    transition: opacity var(--_duration);
  }
  :host([layout='compact']) :is(button:hover, button:focus-visible) [part='label'] {
    opacity: 1;
  }
  @media (forced-colors: active) {
    [part~='button'][aria-pressed='true'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
    }
    [part~='button'][aria-pressed='true'] [part='icon'] {
      color: HighlightText;
    }
    :host([layout='compact']) [part='label'] {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
  }
`;
