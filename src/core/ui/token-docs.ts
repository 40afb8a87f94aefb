import { tokenDefaults } from './tokens.js';

const descriptions: Record<string, string> = {
  'color-accent': 'Primary actions, pressed reactions, links',
  'color-on-accent': 'Text on the accent colour',
  'color-accent-soft': 'Pressed reaction background',
  'color-surface': 'Card and form background',
  'color-surface-muted': 'Notices, chips, quiet areas',
  'color-text': 'Body text',
  'color-text-muted': 'Secondary text (meta, counts)',
  'color-border': 'Borders and dividers',
  'color-focus': 'Focus ring',
  'color-warning-surface': 'Content-warning and safety notices',
  'color-danger': 'Errors and validation messages',
  'font-family': 'Font (inherits the host page by default)',
  'font-size': 'Base font size',
  'radius-s': 'Small radius (chips, inputs)',
  'radius-m': 'Card radius',
  'radius-pill': 'Reaction buttons',
  'space-xs': 'Extra small space',
  'space-s': 'Small space',
  'space-m': 'Medium space',
  'space-l': 'Large space',
  duration: 'Transition length (0 under reduced motion)',
};

/**
 * The token table for documentation (Storybook's Theming page, theme builders): name, light and
 * dark defaults, and what it is for. Kept out of the elements' bundles.
 */
export const tokens = tokenDefaults.map(([name, light, dark = light]) => ({
  name: `--mutual-${name}`,
  light,
  dark,
  description: descriptions[name],
}));
