import { css } from 'lit';

export const crisisResourcesStyles = css`
    [part='base'] {
      padding: var(--_space-m);
      border-radius: var(--_radius-m);
      border: 1px solid var(--_color-border);
      background: var(--mutual-crisis-resources-background, var(--_color-warning-surface));
    }
    [part='title'] {
      margin: 0 0 var(--_space-xs);
      font-size: 1.05em;
    }
    p,
    ul {
      margin: 0 0 var(--_space-s);
    }
    ul {
      padding-inline-start: var(--_space-m);
    }
    a {
      color: var(--_color-accent);
      font-weight: 600;
      display: inline-block;
      min-block-size: 44px;
      padding-block: 10px;
    }
    @media (forced-colors: active) {
      [part='base'] {
        border-color: CanvasText;
      }
      a {
        color: LinkText;
      }
    }
  `;
