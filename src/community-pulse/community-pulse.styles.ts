import { css } from 'lit';

export const communityPulseStyles = css`
    [part='chart'] {
      display: grid;
      gap: var(--_space-xs);
      margin: 0;
    }
    figcaption strong {
      display: block;
    }
    svg {
      inline-size: 100%;
      block-size: 4rem;
    }
    rect {
      fill: var(--mutual-community-pulse-bar, var(--_color-accent));
    }
    rect.fewer {
      fill: none;
      stroke: var(--mutual-community-pulse-bar, var(--_color-accent));
      stroke-dasharray: 2 1;
      stroke-width: 0.5;
    }
    table {
      border-collapse: collapse;
      font-size: 0.875em;
    }
    th,
    td {
      padding: 0 var(--_space-s);
      text-align: start;
      border-block-end: 1px solid var(--_color-border);
    }
    @media (forced-colors: active) {
      rect {
        fill: CanvasText;
      }
      rect.fewer {
        fill: none;
        stroke: CanvasText;
      }
    }
  `;
