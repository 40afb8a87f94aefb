import { html, nothing } from 'lit';
import type nudgeMessages from './nudge.messages.js';
import type { IdentifierKind } from '../protocol/identity.js';

export { findIdentifiers, type IdentifierKind } from '../protocol/identity.js';

/**
 * The gentle identity note shared by every composer: what was found, that others will see it,
 * and the choice — Edit or Send anyway. Never blocks.
 */
export function renderNudge(
  composer: { readonly nudge: IdentifierKind[]; edit(): void; sendAnyway(): void },
  t: (key: keyof typeof nudgeMessages) => string,
  onEdit = () => composer.edit(),
) {
  if (!composer.nudge.length) return nothing;
  return html`<div part="nudge" class="nudge" role="group" aria-labelledby="nudge-text">
    <p id="nudge-text" tabindex="-1">${composer.nudge.map((k) => t(`nudge.${k}`)).join(' ')} ${t('nudge.others')}</p>
    <button type="button" class="primary" @click=${onEdit}>${t('nudge.edit')}</button>
    <button type="button" @click=${() => composer.sendAnyway()}>${t('nudge.send-anyway')}</button>
  </div>`;
}
