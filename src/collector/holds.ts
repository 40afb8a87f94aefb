// The automatic holds: what keeps an item pending and flagged even under post-moderation. The same
// phrase tables and identity detector the browser uses, after the same unmasking of disguises.
import { suggestsCrisis } from '../core/protocol/crisis-language.js';
import { findIdentifiers } from '../core/protocol/identity.js';
import { unmask } from '../core/protocol/unmask.js';
import type { Flag } from './moderation.js';

/** The automatic holds for a text: the same phrase tables and identity detector the browser uses. */
export function flagsFor(text: string, blockedWords: string[] = []): Flag[] {
  const flags: Flag[] = [];
  if (suggestsCrisis(text)) flags.push('crisis');
  const found = findIdentifiers(text);
  if (found.includes('url')) flags.push('link');
  if (found.some((k) => k !== 'url')) flags.push('contact');
  const lower = unmask(text).toLowerCase();
  if (
    blockedWords.some(
      (w) =>
        w &&
        new RegExp(
          `(?<![\\p{L}\\p{N}])${w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
          'u',
        ).test(lower),
    )
  )
    flags.push('blocked-word');
  return flags;
}
