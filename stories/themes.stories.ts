import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { SAMPLE_STORY } from './helpers.js';

const meta: Meta = { title: 'Design system/Themes and languages' };
export default meta;

const sample = (theme: string, locale: string) => html`<mutual-provider theme=${theme} locale=${locale}>
  <div style="padding: 16px; background: light-dark(#fff, #161c1a); display: grid; gap: 12px">
    <mutual-me-too subject="themes-${theme}-${locale}" counts='{"me-too": 12, "strength": 3}'></mutual-me-too>
    <mutual-story-card story-id="themes-card-${theme}-${locale}" heading="Sample" content-warning="relapse"><p>${SAMPLE_STORY}</p></mutual-story-card>
  </div>
</mutual-provider>`;

/** The same widgets in light, dark and Arabic (right-to-left). All are axe-checked in CI. */
export const SideBySide: StoryObj = {
  render: () =>
    html`<div style="display: grid; gap: 16px">${sample('light', 'en')} ${sample('dark', 'en')} ${sample('light', 'ar')} ${sample('dark', 'es')}</div>`,
};
