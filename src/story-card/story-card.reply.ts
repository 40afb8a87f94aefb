import { html, nothing } from 'lit';
import { ComposerController } from '../core/composer-controller.js';
import { defineElement } from '../core/define.js';
import { formatNumber } from '../core/i18n/format.js';
import { renderNudge } from '../core/ui/nudge.js';
import nudgeMessages from '../core/ui/nudge.messages.js';
import { trapFocus } from '../core/ui/trap-focus.js';
import { waitingWord } from '../core/delivery/waiting.js';
import { MutualCrisisResources } from '../crisis-resources/crisis-resources.js';
import type { MessageKey } from '../locales/index.js';
import type { Messages } from '../core/i18n/index.js';
import type { T } from './parts.js';
import type { TakeBackState } from '../core/take-back-controller.js';
import replyMessages from './story-card.reply.messages.js';

/**
 * What a reader of a story card needs only when they reply or report: the reply composer (with the
 * shared composer controller, identity nudge and help lines) and the report dialog. Most readers
 * of a feed read and react; this part loads the first time a reader moves towards it (see
 * reply-loader.ts) and is then shared by every card on the page.
 */

export { ComposerController };
export { CardDialogsController } from './dialogs-controller.js';
export { ReplyController } from './reply-controller.js';

/** Once per page when this part arrives: its strings join the card's, and the help lines' element is defined. */
export function register(messages: Messages): void {
  Object.assign(messages, replyMessages, nudgeMessages);
  defineElement('mutual-crisis-resources', MutualCrisisResources);
}

export const REPORT_REASONS = ['harmful', 'spam', 'personal-info', 'worried'];

/** The inline "share yours back" composer: labelled textarea, count, who will see it, Send / Cancel. */
export function renderComposer(p: {
  t: T;
  locale: string;
  composer: ComposerController<{ text: string }>;
  error: string;
  level: number;
  input: (text: string) => void;
  send: () => void;
  cancel: () => void;
}) {
  const { t, composer } = p;
  const draft = composer.value.text;
  if (composer.state === 'sent') {
    return html`<div part="composer"><p class="hint" role="status" id="response-status" tabindex="-1">${composer.status}</p></div>`;
  }
  // Escape closes the composer (the draft stays); handled here, so quick exit does not count it.
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    p.cancel();
  };
  return html`<div part="composer" @keydown=${onKeydown}>
    <label for="response">${t('story-card.composer-label')}</label>
    <textarea dir="auto"
      id="response"
      .value=${draft}
      aria-describedby="response-note response-count${p.error ? ' response-error' : ''}"
      aria-invalid=${p.error ? 'true' : 'false'}
      @input=${(e: Event) => p.input((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class=${composer.overBy('response') > 0 ? 'hint over' : 'hint'} id="response-count" aria-live="polite">
      ${t('story-card.composer-count', { count: formatNumber(p.locale, draft.length), limit: formatNumber(p.locale, composer.limit) })}
    </p>
    ${p.error ? html`<p class="error" id="response-error">${p.error}</p>` : nothing}
    ${composer.crisis ? html`<mutual-crisis-resources heading-level=${Math.min(6, p.level + 1)}></mutual-crisis-resources>` : nothing}
    ${renderNudge(composer, t)}
    <p class="hint" id="response-note">${t('story-card.composer-note')} ${composer.keeping}</p>
    <div part="actions">
      <button type="button" class="primary" @click=${p.send} ?disabled=${composer.state === 'sending'}>${t('story-card.send')}</button>
      <button type="button" @click=${p.cancel}>${t('story-card.cancel')}</button>
    </div>
    <p class="hint" role="status">${composer.status}</p>
  </div>`;
}

/** The report dialog: a native modal <dialog> (focus stays inside, Escape closes), reasons as radios. */
export function renderReportDialog(p: {
  t: T;
  level: number;
  reason: string;
  state: 'idle' | 'error' | 'sent';
  choose: (reason: string) => void;
  report: () => void;
  close: () => void;
  closed: () => void;
}) {
  const { t, level } = p;
  return html`<dialog part="dialog" aria-labelledby="report-title" @close=${p.closed} @keydown=${trapFocus}>
    <div class="dialog-title" role="heading" aria-level=${level} id="report-title">${t('story-card.report-title')}</div>
    ${
      p.state === 'sent'
        ? html`<p role="status" id="report-thanks" tabindex="-1">${t('story-card.report-thanks')}</p>`
        : html`<form method="dialog" @submit=${(e: Event) => (e.preventDefault(), p.report())}>
          <fieldset aria-describedby=${p.state === 'error' ? 'report-error' : nothing}>
            <legend>${t('story-card.report-intro')}</legend>
            ${REPORT_REASONS.map(
              (reason) => html`<label class="choice">
                <input type="radio" name="reason" value=${reason} .checked=${p.reason === reason} @change=${() => p.choose(reason)} />
                ${t(`story-card.reason.${reason}` as MessageKey)}
              </label>`,
            )}
          </fieldset>
          ${p.state === 'error' ? html`<p class="error" id="report-error" role="alert">${t('story-card.report-choose')}</p>` : nothing}
          <button type="submit" class="primary">${t('story-card.report-send')}</button>
        </form>`
    }
    ${p.reason === 'worried' ? html`<mutual-crisis-resources heading-level=${Math.min(6, level + 1)}></mutual-crisis-resources>` : nothing}
    <button type="button" class="close" @click=${p.close}>${t('story-card.close')}</button>
  </dialog>`;
}

/**
 * "Take down my story": what it means, asked before anything is sent; then, if it cannot go at
 * once, why (announced; focus moves to Close, as the confirm button is gone).
 */
export function renderTakeDownDialog(p: {
  t: T;
  level: number;
  state: Exclude<TakeBackState, 'closed'>;
  /** A response of the member's, not their story. */
  response: boolean;
  confirm: () => void;
  close: () => void;
  closed: () => void;
}) {
  const { t, state } = p;
  const asking = state === 'ask' || state === 'sending';
  return html`<dialog part="dialog" aria-labelledby="take-down-title" aria-describedby="take-down-text" @close=${p.closed} @keydown=${trapFocus}>
    <div class="dialog-title" role="heading" aria-level=${p.level} id="take-down-title">${t(p.response ? 'story-card.take-down-response-title' : 'story-card.take-down-title')}</div>
    <p id="take-down-text">${t('story-card.take-down-text')}</p>
    <p role="status">${asking ? '' : t(state !== 'queued' ? 'story-card.take-down-failed' : `story-card.take-down-${waitingWord()}`)}</p>
    <div class="dialog-actions">
      ${asking ? html`<button type="button" class="primary" @click=${p.confirm}>${t('story-card.take-down-confirm')}</button>` : nothing}
      <button type="button" id="take-down-close" @click=${p.close}>${t(asking ? 'story-card.take-down-keep' : 'story-card.close')}</button>
    </div>
  </dialog>`;
}
