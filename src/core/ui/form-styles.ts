import { css } from 'lit';

/**
 * Buttons, text areas and messages shared by the elements with forms (story card, check-in).
 * Its own module, so an element without a form (the reaction bar) does not bundle it.
 */
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
  /* Toggle chips (topics, tags): a row of pressed / not pressed buttons. */
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .chips button {
    border-radius: var(--_radius-pill);
  }
  .chips button[aria-pressed='true'] {
    background: var(--_color-accent-soft);
    border-color: var(--_color-accent);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .chips button[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }
  /* Every composer's groups of fields (mood, topics, consent). */
  fieldset {
    display: grid;
    gap: var(--_space-xs);
    margin: 0;
    padding: 0;
    border: none;
  }
`;
