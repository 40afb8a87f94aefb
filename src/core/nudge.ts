import { html } from 'lit';
import type { MessageKey, Params } from './i18n/index.js';
import type { IdentifierKind } from './identity.js';

export { findIdentifiers, type IdentifierKind } from './identity.js';

/**
 * The gentle identity note shared by every composer: what was found, that others will see it,
 * and the choice — Edit or Send anyway. Never blocks.
 */
export function renderNudge(
  kinds: IdentifierKind[],
  t: (key: MessageKey, params?: Params) => string,
  onEdit: () => void,
  onSend: () => void,
) {
  return html`<div part="nudge" class="nudge" role="group" aria-labelledby="nudge-text">
    <p id="nudge-text" tabindex="-1">${kinds.map((k) => t(`nudge.${k}` as MessageKey)).join(' ')} ${t('nudge.others')}</p>
    <button type="button" class="primary" @click=${onEdit}>${t('nudge.edit')}</button>
    <button type="button" @click=${onSend}>${t('nudge.send-anyway')}</button>
  </div>`;
}
