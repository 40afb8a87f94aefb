import { css } from 'lit';

/**
 * The panel that the check-in and the admin elements share: a bordered grid with a heading.
 * Each element sets `--_panel-bg` from its own public custom property.
 */
export const panelStyles = css`
  [part='base'] {
    display: grid;
    gap: var(--_space-m);
    padding: var(--_space-l);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius-m);
    background: var(--_panel-bg, var(--_color-surface));
  }
  .heading {
    margin: 0;
    font-size: 1.2em;
    font-weight: 700;
  }
  /* Nested widgets sit in this element's own grid: no page-level gap. */
  mutual-crisis-resources {
    --mutual-gap: 0px;
  }
  @media (forced-colors: active) {
    [part='base'] {
      border-color: CanvasText;
    }
  }
`;
