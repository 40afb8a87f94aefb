import { html, nothing } from 'lit';
import { type Params } from '../core/i18n/index.js';
import { formatList, fullDate, relativeTime } from '../core/i18n/format.js';
import type { PublishedResponse } from '../core/delivery/readings.js';
import type { MessageKey } from '../locales/index.js';

/** The card's `t()`, as its templates take it (here and in story-card.reply.ts). */
export type T = (key: MessageKey, params?: Params) => string;

/** Who shared the story and when (relative, the full date on hover), and its topics as chips. */
export function renderByline(p: { t: T; locale: string; author: string; date: Date | null; tags: string[] }) {
  const { t, locale, date, tags } = p;
  return html`<p part="meta">
      ${p.author}${
        date
          ? html` · <time datetime=${date.toISOString()} title=${fullDate(locale, date)}>${relativeTime(locale, date)}</time>`
          : nothing
      }
    </p>
    ${tags.length ? html`<ul part="tags" aria-label=${t('story-card.tags')}>${tags.map((tag) => html`<li>${tag}</li>`)}</ul>` : nothing}`;
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
  return html`<div part="warning" role="group" aria-label=${t('story-card.cw-show')}>
    <p>${p.hiddenBySettings.length ? t('story-card.filter.hidden', { topics: list }) : t('story-card.cw-notice', { topics: list })}</p>
    <div part="actions">
      <button type="button" class="primary" @click=${p.reveal}>${t(p.hiddenBySettings.length ? 'story-card.filter.show-anyway' : 'story-card.cw-show')}</button>
      <button type="button" class="link" aria-expanded=${p.settingsOpen ? 'true' : 'false'} aria-controls="topic-settings"
        @click=${() => p.toggleSettings(!p.settingsOpen)}>${t('story-card.filter.settings')}</button>
    </div>
    ${
      p.settingsOpen
        ? html`<fieldset id="topic-settings">
          <legend>${t('story-card.filter.settings-intro')}</legend>
          ${p.topics.map(
            (
              topic,
            ) => html`<label class="choice"><input type="checkbox" .checked=${p.hiddenTopics.includes(topic.toLowerCase())}
              @change=${(e: Event) => p.setTopicHidden(topic, (e.target as HTMLInputElement).checked)} />${topic}</label>`,
          )}
          <button type="button" @click=${() => p.toggleSettings(false)}>${t('story-card.filter.done')}</button>
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
  /** Whether this device wrote the response (it keeps its author key): it can take it down. */
  own: (id: string) => boolean;
  takeDown: (id: string) => void;
}) {
  const { t } = p;
  if (!p.count && !p.pending.length) return nothing;
  const item = (r: PublishedResponse, mine: boolean) => {
    const date = new Date(r.time);
    return html`<li class=${mine ? 'mine' : ''}>
      ${mine ? html`<p class="hint">${t('story-card.responses-mine')} · ${t('story-card.pending')}</p>` : nothing}
      <p dir="auto">${r.text}</p>
      ${Number.isNaN(date.getTime()) ? nothing : html`<time class="hint" datetime=${date.toISOString()} title=${fullDate(p.locale, date)}>${relativeTime(p.locale, date)}</time>`}
      ${p.own(r.id) ? html`<button type="button" class="link" aria-haspopup="dialog" data-take-down=${r.id} @click=${() => p.takeDown(r.id)}>${t('story-card.take-down-response')}</button>` : nothing}
    </li>`;
  };
  return html`<div part="responses">
    ${p.count ? html`<button type="button" class="link" aria-expanded=${p.open ? 'true' : 'false'} aria-controls="responses" @click=${p.toggle}>${t('story-card.responses', { count: p.count })}</button>` : nothing}
    ${
      p.open || p.pending.length
        ? html`<ul id="responses" aria-label=${t('story-card.responses-label')}>
          ${p.pending.map((r) => item(r, true))}
          ${p.open ? p.list.map((r) => item(r, false)) : nothing}
        </ul>`
        : nothing
    }
    ${p.open && p.error ? html`<p class="error" role="alert">${t('story-card.responses-error')}</p>` : nothing}
    ${p.open && (p.more || p.error) ? html`<button type="button" @click=${p.loadMore}>${t(p.error ? 'story-card.responses-retry' : 'story-card.responses-more')}</button>` : nothing}
  </div>`;
}

/**
 * Share and report (or, on one's own story, take down). Two whole variants rather than a nested one for the
 * share control: a feed renders hundreds of cards, and each nested template is one more clone and marker per card.
 */
export function renderActions(p: {
  t: T;
  /** Where "Share your experience" links (the host's `share-href`), or null: the reply composer opens here. */
  href: string | null;
  own: boolean;
  replyOpen: boolean;
  share: (e: Event) => void;
  report: () => void;
}) {
  const { t } = p;
  return p.href
    ? html`<div part="actions">
        <a class="action share" href=${p.href} @click=${p.share}>${t('story-card.share')}</a>
        <button type="button" class="report link" aria-haspopup="dialog" @click=${p.report}>${t(p.own ? 'story-card.take-down' : 'story-card.report')}</button>
      </div>`
    : html`<div part="actions">
        <button type="button" class="share" aria-expanded=${p.replyOpen ? 'true' : 'false'} @click=${p.share}>${t('story-card.share')}</button>
        <button type="button" class="report link" aria-haspopup="dialog" @click=${p.report}>${t(p.own ? 'story-card.take-down' : 'story-card.report')}</button>
      </div>`;
}
