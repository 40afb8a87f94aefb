import { unsafeCSS } from 'lit';

/**
 * The design tokens: `--mutual-<name>` with its light default and, when it differs, its dark one.
 * A host sets any `--mutual-*` property on `<mutual-provider>`, `:root` or a widget; everything
 * else falls back to these defaults (light / dark via `light-dark()`). Defaults are fixed strings
 * from this file, never user input. What each token is for: `token-docs.ts`.
 */
export const tokenDefaults: readonly (readonly [name: string, light: string, dark?: string])[] = [
  ['color-accent', '#2b6b5a', '#86d4bd'],
  ['color-on-accent', '#ffffff', '#0c231c'],
  ['color-accent-soft', '#dcefe8', '#1f3f36'],
  ['color-surface', '#ffffff', '#161c1a'],
  ['color-surface-muted', '#f3f6f4', '#222a27'],
  ['color-text', '#1c2623', '#e6eeeb'],
  ['color-text-muted', '#4b5a55', '#b2c2bc'],
  ['color-border', '#c5d1cc', '#3b4844'],
  ['color-focus', '#1a5fb4', '#9cc8ff'],
  ['color-warning-surface', '#fff4dc', '#3a2f14'],
  ['color-danger', '#a3262e', '#ffb3b0'],
  ['font-family', 'inherit'],
  ['font-size', '1rem'],
  ['radius-s', '6px'],
  ['radius-m', '12px'],
  ['radius-pill', '999px'],
  ['space-xs', '0.25rem'],
  ['space-s', '0.5rem'],
  ['space-m', '1rem'],
  ['space-l', '1.5rem'],
  ['duration', '150ms'],
];

/** Private `--_name` variables, each reading the public token with its default. */
export const tokenStyles = unsafeCSS(
  `:host{${tokenDefaults
    .map(([name, light, dark]) => `--_${name}:var(--mutual-${name},${dark ? `light-dark(${light},${dark})` : light})`)
    .join(';')}}`,
);
