import { unsafeCSS } from 'lit';

/**
 * The design tokens. A host sets any `--mutual-*` property on `<mutual-provider>`, `:root` or a
 * widget; everything else falls back to these defaults (light / dark via `light-dark()`).
 * Defaults are fixed strings from this file, never user input.
 */
export const tokens = [
  { name: '--mutual-color-accent', light: '#2b6b5a', dark: '#86d4bd', description: 'Primary actions, pressed reactions, links' },
  { name: '--mutual-color-on-accent', light: '#ffffff', dark: '#0c231c', description: 'Text on the accent colour' },
  { name: '--mutual-color-accent-soft', light: '#dcefe8', dark: '#1f3f36', description: 'Pressed reaction background' },
  { name: '--mutual-color-surface', light: '#ffffff', dark: '#161c1a', description: 'Card and form background' },
  { name: '--mutual-color-surface-muted', light: '#f3f6f4', dark: '#222a27', description: 'Notices, chips, quiet areas' },
  { name: '--mutual-color-text', light: '#1c2623', dark: '#e6eeeb', description: 'Body text' },
  { name: '--mutual-color-text-muted', light: '#4b5a55', dark: '#b2c2bc', description: 'Secondary text (meta, counts)' },
  { name: '--mutual-color-border', light: '#c5d1cc', dark: '#3b4844', description: 'Borders and dividers' },
  { name: '--mutual-color-focus', light: '#1a5fb4', dark: '#9cc8ff', description: 'Focus ring' },
  { name: '--mutual-color-warning-surface', light: '#fff4dc', dark: '#3a2f14', description: 'Content-warning and safety notices' },
  { name: '--mutual-color-danger', light: '#a3262e', dark: '#ffb3b0', description: 'Errors and validation messages' },
  { name: '--mutual-font-family', light: 'inherit', dark: 'inherit', description: 'Font (inherits the host page by default)' },
  { name: '--mutual-font-size', light: '1rem', dark: '1rem', description: 'Base font size' },
  { name: '--mutual-radius-s', light: '6px', dark: '6px', description: 'Small radius (chips, inputs)' },
  { name: '--mutual-radius-m', light: '12px', dark: '12px', description: 'Card radius' },
  { name: '--mutual-radius-pill', light: '999px', dark: '999px', description: 'Reaction buttons' },
  { name: '--mutual-space-xs', light: '0.25rem', dark: '0.25rem', description: 'Extra small space' },
  { name: '--mutual-space-s', light: '0.5rem', dark: '0.5rem', description: 'Small space' },
  { name: '--mutual-space-m', light: '1rem', dark: '1rem', description: 'Medium space' },
  { name: '--mutual-space-l', light: '1.5rem', dark: '1.5rem', description: 'Large space' },
  { name: '--mutual-duration', light: '150ms', dark: '150ms', description: 'Transition length (0 under reduced motion)' },
] as const;

/** Private `--_name` variables, each reading the public token with its default. */
export const tokenStyles = unsafeCSS(
  `:host {\n${tokens
    .map(({ name, light, dark }) => {
      const value = light === dark ? light : `light-dark(${light}, ${dark})`;
      return `  ${name.replace('--mutual-', '--_')}: var(${name}, ${value});`;
    })
    .join('\n')}\n}`,
);
