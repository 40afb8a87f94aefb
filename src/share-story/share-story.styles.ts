import { css } from 'lit';

export const shareStoryStyles = css`
  :host {
    --_panel-bg: var(--mutual-share-story-background, var(--_color-surface));
  }
  .field {
    display: grid;
    gap: var(--_space-xs);
  }
  label,
  legend {
    font-weight: 600;
  }
  label.choice {
    font-weight: 400;
  }
  .mine ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .mine .title {
    font-weight: 600;
  }
  input[type='text'] {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 44px;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-s, 6px);
    background: var(--_color-surface);
    color: inherit;
    font: inherit;
  }
  textarea#story-text {
    min-block-size: 12em;
  }
  .own {
    display: flex;
    gap: var(--_space-xs);
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
`;
