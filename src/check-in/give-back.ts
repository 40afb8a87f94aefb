import { html, nothing, type TemplateResult } from 'lit';
import { EventTypes } from '../core/envelope.js';
import type { MessageKey } from '../core/i18n/index.js';
import type { MutualCheckIn } from './check-in.js';

const STATUS: Record<string, MessageKey | undefined> = {
  sending: 'checkin.sending',
  sent: 'checkin.sent',
  queued: 'checkin.queued',
  failed: 'checkin.failed',
  full: 'checkin.full',
  unconfirmed: 'checkin.unconfirmed',
};

/**
 * Step 3, the reciprocal step: thanks, one peer's encouragement (so the person receives as well
 * as gives), then an invitation to give back — an encouragement or a consented tip. Skippable.
 */
export function renderGiveBack(
  el: MutualCheckIn,
  step: { level: number; crisis: TemplateResult | typeof nothing; again: () => void },
) {
  const status = STATUS[el.sendState];
  const statusLine = html`<p part="status" class="hint" role="status">${status ? el.t(status) : ''}</p>
    ${
      el.sendState === 'failed' || el.sendState === 'full' || el.sendState === 'unconfirmed'
        ? html`<div part="actions"><button type="button" @click=${() => el.backToForm()}>${el.t('checkin.back')}</button></div>`
        : nothing
    }`;
  if (el.step === 'done') {
    return html`<div part="base">
      <div class="heading" role="heading" aria-level=${step.level} id="done" tabindex="-1">${el.t('checkin.given')}</div>
      <p>${el.t('checkin.done')}</p>
      ${statusLine} ${step.crisis}
      <div part="actions"><button type="button" @click=${step.again}>${el.t('checkin.again')}</button></div>
    </div>`;
  }
  const value = (id: string) => (el.renderRoot.querySelector(`#${id}`) as HTMLTextAreaElement | HTMLInputElement).value;
  const error = (id: string, key: MessageKey, focus: string) => {
    (el.renderRoot.querySelector(`#${id}`) as HTMLElement).textContent = el.t(key);
    (el.renderRoot.querySelector(`#${focus}`) as HTMLElement).focus();
  };
  return html`<div part="base">
    <div class="heading" role="heading" aria-level=${step.level} id="thanks" tabindex="-1">${el.t('checkin.thanks')}</div>
    ${statusLine} ${step.crisis}
    ${el.peerMessage ? html`<blockquote>${el.t('checkin.peer-message', { message: el.peerMessage })}</blockquote>` : nothing}
    <p>${el.t('checkin.give-intro')}</p>
    <div class="field">
      <label for="encourage">${el.t('checkin.encourage')}</label>
      <textarea id="encourage" maxlength="280" aria-describedby="encourage-error"></textarea>
      <p class="error" id="encourage-error" aria-live="polite"></p>
      <div part="actions">
        <button type="button" class="primary" @click=${() =>
          value('encourage').trim()
            ? el.give(EventTypes.checkinEncouragement, value('encourage'), 'encourage')
            : error('encourage-error', 'checkin.give-empty', 'encourage')}>
          ${el.t('checkin.encourage-send')}
        </button>
      </div>
    </div>
    <div class="field">
      <label for="tip">${el.t('checkin.tip')}</label>
      <textarea id="tip" maxlength=${el.limit} .value=${el.draft.helped} aria-describedby="tip-error"></textarea>
      <label class="choice"><input type="checkbox" id="tip-consent" />${el.t('checkin.tip-consent')}</label>
      <p class="error" id="tip-error" aria-live="polite"></p>
      <div part="actions">
        <button type="button" @click=${() => {
          if (!value('tip').trim()) return error('tip-error', 'checkin.give-empty', 'tip');
          if (!(el.renderRoot.querySelector('#tip-consent') as HTMLInputElement).checked)
            return error('tip-error', 'checkin.tip-needs-consent', 'tip-consent');
          el.give(EventTypes.checkinTipShared, value('tip'), 'tip');
        }}>${el.t('checkin.tip-send')}</button>
      </div>
    </div>
    ${el.renderNudge()}
    <div part="actions"><button type="button" class="link" @click=${() => el.skip()}>${el.t('checkin.skip')}</button></div>
  </div>`;
}
