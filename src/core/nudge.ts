import { html } from 'lit';
import type nudgeMessages from './nudge.messages.js';
import type { IdentifierKind } from './identity.js';

export { findIdentifiers, type IdentifierKind } from './identity.js';

/**
 * The gentle identity note shared by every composer: what was found, that others will see it,
 * and the choice — Edit or Send anyway. Never blocks.
 */
export function renderNudge(
  kinds: IdentifierKind[],
  t: (key: keyof typeof nudgeMessages) => string,
  onEdit: () => void,
  onSend: () => void,
) {
  return html`<div part="nudge" class="nudge" role="group" aria-labelledby="nudge-text">
    <p id="nudge-text" tabindex="-1">${kinds.map((k) => t(`nudge.${k}`)).join(' ')} ${t('nudge.others')}</p>
    <button type="button" class="primary" @click=${onEdit}>${t('nudge.edit')}</button>
    <button type="button" @click=${onSend}>${t('nudge.send-anyway')}</button>
  </div>`;
}
