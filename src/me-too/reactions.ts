import { commaList } from '../core/config.js';
import type { MessageKey } from '../locales/index.js';
import { warner } from '../core/warn.js';

export interface ReactionDef {
  name: string;
  /** Built-in reactions have a localized label; a host's own reaction brings its label as text. */
  labelKey?: MessageKey;
  label?: string;
  /** The icon's outline: one SVG path (24×24, stroked). */
  icon: string;
}

// Each icon is one path, set as an attribute in the bar's own templates: a page may hold hundreds
// of bars, and a nested template per icon was one more clone and marker per button.

export const BUILT_IN: Record<string, ReactionDef> = {
  'me-too': {
    name: 'me-too',
    labelKey: 'me-too.me-too',
    icon: 'M6 8a3 3 0 1 0 6 0a3 3 0 1 0-6 0M14 9a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M15 14.5c3 0 6 2 6 5.5',
  },
  understand: {
    name: 'understand',
    labelKey: 'me-too.understand',
    icon: 'M4 5h16v10H10l-5 4v-4H4z',
  },
  strength: {
    name: 'strength',
    labelKey: 'me-too.strength',
    icon: 'M8 12a4 4 0 1 0 8 0a4 4 0 1 0-8 0M12 2v3M12 19v3M2 12h3M19 12h3M5 5l2 2M17 17l2 2M5 19l2-2M17 7l2-2',
  },
  helped: {
    name: 'helped',
    labelKey: 'me-too.helped',
    icon: 'M12 21v-9M12 12c0-4 3-7 8-7 0 5-3 8-8 7zM12 15c0-3-2.5-5-7-5 0 3 2.5 5 7 5z',
  },
};

export const DEFAULT_REACTIONS = 'me-too,understand,strength,helped';
const CUSTOM_ICON = 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z';

const NAME = /^[a-z0-9][a-z0-9-]{0,31}$/;
const warn = warner(() => import('./me-too.warnings.js'));

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
    else warn('reaction', { name, builtIn: Object.keys(BUILT_IN).join(', ') }, owner, `reaction:${name}`);
  }
  return defs;
}
