import { html, nothing } from 'lit';
import { formatList, formatNumber, type MessageKey, type Params } from '../core/i18n/index.js';
import { renderNudge } from '../core/nudge.js';
import type { MutualStoryCard } from './story-card.js';

type T = (key: MessageKey, params?: Params) => string;
export const REPORT_REASONS = ['harmful', 'spam', 'personal-info', 'worried'];

/** The inline "share yours back" composer: labelled textarea, count, who will see it, Send / Cancel. */
export function renderComposer(card: MutualStoryCard, t: T) {
  const v = card.view;
  const status = v.sendState === 'idle' ? '' : t(`story.${v.sendState}`);
  if (v.sendState === 'sent') {
    return html`<div part="composer"><p class="hint" role="status" id="response-status" tabindex="-1">${status}</p></div>`;
  }
  const over = v.draft.length > v.limit;
  // Escape closes the composer (the draft stays); handled here, so quick exit does not count it.
  const onKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    v.cancel();
  };
  return html`<div part="composer" @keydown=${onKeydown}>
    <label for="response">${t('story.composer-label')}</label>
    <textarea
      id="response"
      .value=${v.draft}
      aria-describedby="response-note response-count${v.error ? ' response-error' : ''}"
      aria-invalid=${v.error ? 'true' : 'false'}
      @input=${(e: Event) => v.onInput((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class=${over ? 'hint over' : 'hint'} id="response-count" aria-live="polite">
      ${t('story.composer-count', { count: formatNumber(v.locale, v.draft.length), limit: formatNumber(v.locale, v.limit) })}
    </p>
    ${v.error ? html`<p class="error" id="response-error">${v.error}</p>` : nothing}
    ${v.nudge.length ? renderNudge(v.nudge, t, v.editAfterNudge, v.sendAnyway) : nothing}
    <p class="hint" id="response-note">${t('story.composer-note')} ${t(v.noTrace ? 'story.draft-not-kept' : v.canKeep ? 'story.draft-kept' : 'story.draft-cannot-keep')}</p>
    <div part="actions">
      <button type="button" class="primary" @click=${v.send} ?disabled=${v.sendState === 'sending'}>${t('story.send')}</button>
      <button type="button" @click=${v.cancel}>${t('story.cancel')}</button>
    </div>
    <p class="hint" role="status">${status}</p>
  </div>`;
}

/** The report dialog: a native modal <dialog> (focus stays inside, Escape closes), reasons as radios. */
export function renderReportDialog(card: MutualStoryCard, t: T, level: number) {
  const v = card.view;
  return html`<dialog part="dialog" aria-labelledby="report-title" @close=${v.onReportClosed} @keydown=${trapFocus}>
    <div class="dialog-title" role="heading" aria-level=${level} id="report-title">${t('story.report-title')}</div>
    ${
      v.reportState === 'sent'
        ? html`<p role="status" id="report-thanks" tabindex="-1">${t('story.report-thanks')}</p>`
        : html`<form method="dialog" @submit=${(e: Event) => (e.preventDefault(), v.report())}>
          <fieldset aria-describedby=${v.reportState === 'error' ? 'report-error' : nothing}>
            <legend>${t('story.report-intro')}</legend>
            ${REPORT_REASONS.map(
              (reason) => html`<label class="choice">
                <input type="radio" name="reason" value=${reason} .checked=${v.reason === reason} @change=${() => v.choose(reason)} />
                ${t(`story.reason.${reason}` as MessageKey)}
              </label>`,
            )}
          </fieldset>
          ${v.reportState === 'error' ? html`<p class="error" id="report-error" role="alert">${t('story.report-choose')}</p>` : nothing}
          <button type="submit" class="primary">${t('story.report-send')}</button>
        </form>`
    }
    ${v.reason === 'worried' ? html`<mutual-crisis-resources heading-level=${Math.min(6, level + 1)}></mutual-crisis-resources>` : nothing}
    <button type="button" class="close" @click=${v.closeReport}>${t('story.close')}</button>
  </dialog>`;
}

/** Keeps Tab and Shift+Tab inside the open dialog (a native modal still lets focus reach the browser's own UI). */
function trapFocus(e: KeyboardEvent): void {
  if (e.key !== 'Tab') return;
  const dialog = e.currentTarget as HTMLDialogElement;
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>(
      'button, input:checked, input[type="radio"]:not([name]), a[href], textarea',
    ),
  ];
  const radios = [...dialog.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  if (radios.length && !radios.some((r) => r.checked)) focusable.unshift(radios[0]);
  const ordered = focusable.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const first = ordered[0];
  const last = ordered.at(-1);
  const active = (dialog.getRootNode() as ShadowRoot).activeElement;
  if (e.shiftKey && active === first) {
    e.preventDefault();
    last?.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first?.focus();
  }
}

/**
 * The content-warning notice: names the topics calmly and offers the choice. When the reader (or
 * the host) chose to hide one of them, it says so and offers "Show anyway". A small settings
 * disclosure lets the reader pick topics they'd rather not see right now (kept on the device).
 */
export function renderWarning(
  card: MutualStoryCard,
  t: T,
  topics: string[],
  hiddenBySettings: string[],
  reveal: () => void,
) {
  const list = formatList(card.view.locale, topics);
  const hidden = card.hiddenTopics;
  return html`<div part="warning" role="group" aria-label=${t('story.cw-show')}>
    <p>${hiddenBySettings.length ? t('filter.hidden', { topics: list }) : t('story.cw-notice', { topics: list })}</p>
    <div part="actions">
      <button type="button" class="primary" @click=${reveal}>${t(hiddenBySettings.length ? 'filter.show-anyway' : 'story.cw-show')}</button>
      <button type="button" class="link" aria-expanded=${card.settingsOpen ? 'true' : 'false'} aria-controls="topic-settings"
        @click=${() => (card.settingsOpen = !card.settingsOpen)}>${t('filter.settings')}</button>
    </div>
    ${
      card.settingsOpen
        ? html`<fieldset id="topic-settings">
          <legend>${t('filter.settings-intro')}</legend>
          ${topics.map(
            (
              topic,
            ) => html`<label class="choice"><input type="checkbox" .checked=${hidden.includes(topic.toLowerCase())}
              @change=${(e: Event) => card.setTopicHidden(topic, (e.target as HTMLInputElement).checked)} />${topic}</label>`,
          )}
          <button type="button" @click=${() => (card.settingsOpen = false)}>${t('filter.done')}</button>
        </fieldset>`
        : nothing
    }
  </div>`;
}
