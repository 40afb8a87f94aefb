import { warnAbout } from './warn.js';
import { Limits } from './protocol/envelope.js';
import type { TransportOptions } from './delivery/transport.js';

export type Theme = 'light' | 'dark' | 'auto';
export const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** Settings shared through `<mutual-provider>`; a widget's own attributes win over them. */
export interface MutualConfig {
  /** Where events are POSTed. `null`: nothing is sent, DOM events still fire. */
  endpoint: string | null;
  /** CloudEvents `source`; `null` means the page's origin + path. */
  source: string | null;
  locale: string | null;
  /** Region for crisis help lines (ISO 3166 code such as `GB`); else the locale's region subtag. */
  region: string | null;
  /** Help lines that replace the built-in ones for the region (the provider's `help-lines`). */
  helpLines: { name: string; contact: string; href?: string; hours?: string }[] | null;
  theme: Theme | null;
  /** Nothing is written to the device: outbox, drafts and remembered reactions stay in memory. */
  noTrace: boolean;
  credentials: RequestCredentials;
  headers: Record<string, string>;
  /** Host overrides for single strings, by message key (e.g. `{"me-too.me-too": "Same here"}`). */
  strings: Record<string, string>;
  /** Content-warning topics the host collapses by default (readers add their own on the device). */
  hiddenTopics: string[];
  /** The moderator token for admin elements (the provider's `moderatorToken` property); memory only, never sent with members' events. */
  moderatorToken?: string;
  /** Batching and retry timing, mostly for tests and unusual hosts. */
  delivery: Pick<TransportOptions, 'batchWindowMs' | 'maxBatch' | 'retryBaseMs' | 'retryMaxMs' | 'timeoutMs'>;
}

export const defaultConfig: MutualConfig = {
  endpoint: null,
  source: null,
  locale: null,
  region: null,
  helpLines: null,
  theme: null,
  noTrace: false,
  credentials: 'omit',
  headers: {},
  strings: {},
  hiddenTopics: [],
  delivery: {},
};

/** A comma-list attribute (`tags="relapse, family"`) as trimmed, non-empty items. */
export function commaList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Reads a JSON attribute. Bad JSON or the wrong shape → one console warning naming the
 * attribute, and `undefined` so the widget falls back to its default instead of breaking.
 */
export function parseJsonAttribute<T>(
  owner: Element,
  attribute: string,
  value: string | null | undefined,
  kind: 'object' | 'array',
): T | undefined {
  if (value == null || value.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = undefined;
  }
  const ok =
    kind === 'array' ? Array.isArray(parsed) : !!parsed && typeof parsed === 'object' && !Array.isArray(parsed);
  if (ok) return parsed as T;
  warnAbout('json', { tag: owner.localName, attribute, kind }, owner, `json:${attribute}`);
  return undefined;
}

/**
 * A composer's character limit, kept within what the endpoint takes: anything else is said once
 * and read as that maximum.
 */
export function checkedLimit(owner: Element, attribute: string, value: number): number {
  if (value > 0 && value <= Limits.stringLength) return value;
  warnAbout('limit-range', { tag: owner.localName, attribute, value, max: Limits.stringLength }, owner);
  return Limits.stringLength;
}

/** Says once when an id is longer than the endpoint takes (nothing is sent for it then). */
export function checkIdLength(owner: Element, attribute: string, value: string | undefined, story = false): void {
  if ((value?.length ?? 0) > Limits.subjectLength)
    warnAbout('id-length', { tag: owner.localName, attribute, max: Limits.subjectLength, story }, owner);
}
