import { css } from 'lit';

export const storyFeedStyles = css`
  [part='base'] {
    display: grid;
    gap: var(--mutual-story-feed-gap, var(--_space-l));
  }
  [part='footer'] {
    display: grid;
    justify-items: start;
    gap: var(--_space-s);
    margin-block-start: var(--_space-l);
  }
  [part='footer'] p {
    margin: 0;
  }
`;
