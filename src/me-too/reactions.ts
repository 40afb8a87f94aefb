import { commaList } from '../core/config.js';
import { html, type TemplateResult } from 'lit';
import type { MessageKey } from '../locales/index.js';
import { warnOnce } from '../core/warn.js';

export interface ReactionDef {
  name: string;
  /** Built-in reactions have a localized label; a host's own reaction brings its label as text. */
  labelKey?: MessageKey;
  label?: string;
  icon: TemplateResult;
}

// Each icon is one static template (no nested part): a page may hold hundreds of bars, and
// every part is a marker node per button to clone.

export const BUILT_IN: Record<string, ReactionDef> = {
  'me-too': {
    name: 'me-too',
    labelKey: 'reaction.me-too',
    icon: html`<svg part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><circle cx="9" cy="8" r="3"/><circle cx="16.5" cy="9" r="2.5"/><path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15 14.5c3 0 6 2 6 5.5"/></svg>`,
  },
  understand: {
    name: 'understand',
    labelKey: 'reaction.understand',
    icon: html`<svg part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M4 5h16v10H10l-5 4v-4H4z"/></svg>`,
  },
  strength: {
    name: 'strength',
    labelKey: 'reaction.strength',
    icon: html`<svg part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><circle cx="12" cy="12" r="4"/><path d="M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2"/></svg>`,
  },
  helped: {
    name: 'helped',
    labelKey: 'reaction.helped',
    icon: html`<svg part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M12 21v-9M12 12c0-4 3-7 8-7 0 5-3 8-8 7zM12 15c0-3-2.5-5-7-5 0 3 2.5 5 7 5z"/></svg>`,
  },
};

export const DEFAULT_REACTIONS = 'me-too,understand,strength,helped';
const CUSTOM_ICON = html`<svg part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d="M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z"/></svg>`;
const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;

/**
 * Parses `reactions="me-too,understand,hug:Sending a hug"`: built-in names, or `name:Label` for a
 * host's own reaction. Unknown names without a label → one warning each, ignored.
 */
export function parseReactions(owner: Element, value: string | undefined): ReactionDef[] {
  const defs: ReactionDef[] = [];
  for (const entry of commaList(value ?? DEFAULT_REACTIONS)) {
    const [rawName, ...labelParts] = entry.split(':');
    const name = rawName.trim().toLowerCase();
    const label = labelParts.join(':').trim();
    if (!name || defs.some((d) => d.name === name)) continue;
    if (BUILT_IN[name] && !label) defs.push(BUILT_IN[name]);
    else if (NAME.test(name) && label)
      defs.push({ ...BUILT_IN[name], name, label, icon: BUILT_IN[name]?.icon ?? CUSTOM_ICON });
    else
      warnOnce(
        `reaction:${name}`,
        `<${owner.localName}>: unknown reaction "${name}" ignored. Use one of ${Object.keys(BUILT_IN).join(', ')}, or add your own as "name:Label".`,
        owner,
      );
  }
  return defs;
}
