import { html, nothing } from 'lit';
import type { ComposerController } from '../core/composer-controller.js';
import { formatList, formatNumber, fullDate, relativeTime, type Params } from '../core/i18n/index.js';
import type { PublishedResponse } from '../core/endpoint.js';
import { renderNudge } from '../core/nudge.js';
import { trapFocus } from '../core/trap-focus.js';
import type { MessageKey } from '../locales/index.js';

type T = (key: MessageKey, params?: Params) => string;
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
    <label for="response">${t('story.composer-label')}</label>
    <textarea
      id="response"
      .value=${draft}
      aria-describedby="response-note response-count${p.error ? ' response-error' : ''}"
      aria-invalid=${p.error ? 'true' : 'false'}
      @input=${(e: Event) => p.input((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class=${composer.overBy('response') > 0 ? 'hint over' : 'hint'} id="response-count" aria-live="polite">
      ${t('story.composer-count', { count: formatNumber(p.locale, draft.length), limit: formatNumber(p.locale, composer.limit) })}
    </p>
    ${p.error ? html`<p class="error" id="response-error">${p.error}</p>` : nothing}
    ${composer.crisis ? html`<mutual-crisis-resources heading-level=${Math.min(6, p.level + 1)}></mutual-crisis-resources>` : nothing}
    ${renderNudge(composer, t)}
    <p class="hint" id="response-note">${t('story.composer-note')} ${composer.keeping}</p>
    <div part="actions">
      <button type="button" class="primary" @click=${p.send} ?disabled=${composer.state === 'sending'}>${t('story.send')}</button>
      <button type="button" @click=${p.cancel}>${t('story.cancel')}</button>
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
    <div class="dialog-title" role="heading" aria-level=${level} id="report-title">${t('story.report-title')}</div>
    ${
      p.state === 'sent'
        ? html`<p role="status" id="report-thanks" tabindex="-1">${t('story.report-thanks')}</p>`
        : html`<form method="dialog" @submit=${(e: Event) => (e.preventDefault(), p.report())}>
          <fieldset aria-describedby=${p.state === 'error' ? 'report-error' : nothing}>
            <legend>${t('story.report-intro')}</legend>
            ${REPORT_REASONS.map(
              (reason) => html`<label class="choice">
                <input type="radio" name="reason" value=${reason} .checked=${p.reason === reason} @change=${() => p.choose(reason)} />
                ${t(`story.reason.${reason}` as MessageKey)}
              </label>`,
            )}
          </fieldset>
          ${p.state === 'error' ? html`<p class="error" id="report-error" role="alert">${t('story.report-choose')}</p>` : nothing}
          <button type="submit" class="primary">${t('story.report-send')}</button>
        </form>`
    }
    ${p.reason === 'worried' ? html`<mutual-crisis-resources heading-level=${Math.min(6, level + 1)}></mutual-crisis-resources>` : nothing}
    <button type="button" class="close" @click=${p.close}>${t('story.close')}</button>
  </dialog>`;
}

/**
 * The content-warning notice: names the topics calmly and offers the choice. When the reader (or
 * the host) chose to hide one of them, it says so and offers "Show anyway". A small settings
 * disclosure lets the reader pick topics they'd rather not see right now (kept on the device).
 */
export function renderWarning(p: {
  t: T;
  locale: string;
  topics: string[];
  hiddenBySettings: string[];
  hiddenTopics: string[];
  settingsOpen: boolean;
  reveal: () => void;
  toggleSettings: (open: boolean) => void;
  setTopicHidden: (topic: string, hidden: boolean) => void;
}) {
  const { t } = p;
  const list = formatList(p.locale, p.topics);
  return html`<div part="warning" role="group" aria-label=${t('story.cw-show')}>
    <p>${p.hiddenBySettings.length ? t('filter.hidden', { topics: list }) : t('story.cw-notice', { topics: list })}</p>
    <div part="actions">
      <button type="button" class="primary" @click=${p.reveal}>${t(p.hiddenBySettings.length ? 'filter.show-anyway' : 'story.cw-show')}</button>
      <button type="button" class="link" aria-expanded=${p.settingsOpen ? 'true' : 'false'} aria-controls="topic-settings"
        @click=${() => p.toggleSettings(!p.settingsOpen)}>${t('filter.settings')}</button>
    </div>
    ${
      p.settingsOpen
        ? html`<fieldset id="topic-settings">
          <legend>${t('filter.settings-intro')}</legend>
          ${p.topics.map(
            (
              topic,
            ) => html`<label class="choice"><input type="checkbox" .checked=${p.hiddenTopics.includes(topic.toLowerCase())}
              @change=${(e: Event) => p.setTopicHidden(topic, (e.target as HTMLInputElement).checked)} />${topic}</label>`,
          )}
          <button type="button" @click=${() => p.toggleSettings(false)}>${t('filter.done')}</button>
        </fieldset>`
        : nothing
    }
  </div>`;
}

/**
 * "3 peers responded": a disclosure with the approved responses (text as text), paged, and the
 * reader's own responses still waiting for review, which only they see.
 */
export function renderResponses(p: {
  t: T;
  locale: string;
  count: number;
  open: boolean;
  list: PublishedResponse[];
  pending: PublishedResponse[];
  more: boolean;
  error: boolean;
  toggle: () => void;
  loadMore: () => void;
}) {
  const { t } = p;
  if (!p.count && !p.pending.length) return nothing;
  const item = (r: PublishedResponse, mine: boolean) => {
    const date = new Date(r.time);
    return html`<li class=${mine ? 'mine' : ''}>
      ${mine ? html`<p class="hint">${t('story.responses-mine')} · ${t('story.pending')}</p>` : nothing}
      <p>${r.text}</p>
      ${Number.isNaN(date.getTime()) ? nothing : html`<time class="hint" datetime=${date.toISOString()} title=${fullDate(p.locale, date)}>${relativeTime(p.locale, date)}</time>`}
    </li>`;
  };
  return html`<div part="responses">
    ${p.count ? html`<button type="button" class="link" aria-expanded=${p.open ? 'true' : 'false'} aria-controls="responses" @click=${p.toggle}>${t('story.responses', { count: p.count })}</button>` : nothing}
    ${
      p.open || p.pending.length
        ? html`<ul id="responses" aria-label=${t('story.responses-label')}>
          ${p.pending.map((r) => item(r, true))}
          ${p.open ? p.list.map((r) => item(r, false)) : nothing}
        </ul>`
        : nothing
    }
    ${p.open && p.error ? html`<p class="error" role="alert">${t('story.responses-error')}</p>` : nothing}
    ${p.open && (p.more || p.error) ? html`<button type="button" @click=${p.loadMore}>${t(p.error ? 'story.responses-retry' : 'story.responses-more')}</button>` : nothing}
  </div>`;
}
