import { html, nothing, type TemplateResult } from 'lit';
import { fullDate, relativeTime } from '../core/i18n/format.js';
import type { MessageKey } from '../locales/index.js';
import type { Item } from './moderation-api.js';
import { renderReasonPicker, renderText, storyLink } from './parts.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * One item of the queue: when it came, what it answers, its flags, its words (or the veil over them,
 * with no Select until read), help lines beside crisis language, the reason to give, and the actions.
 */
export function renderItem(p: {
  t: T;
  locale: string;
  item: Item;
  level: number;
  /** Who else is reviewing it. */
  reviewing: string | undefined;
  /** The note over words not read yet, if they are covered. */
  veil: TemplateResult | undefined;
  selected: boolean;
  select: (on: boolean) => void;
  storyHref: string | undefined;
  base: string;
  reasons: string[];
  reason: string;
  pickReason: (reason: string) => void;
  decide: (action: 'approve' | 'hide') => void;
  open: () => void;
  historyToggle: unknown;
  history: unknown;
}) {
  const { t, item } = p;
  const date = new Date(item.receivedAt);
  return html`<li part="item" id="item-${item.seq}" tabindex="-1" aria-labelledby="text-${item.seq}"
    aria-describedby="meta-${item.seq}${p.reviewing ? ` reviewing-${item.seq}` : ''}" @focusin=${p.open}>
    ${p.reviewing ? html`<p class="reviewing" id="reviewing-${item.seq}">${t('moderation-queue.reviewing', { name: p.reviewing })}</p>` : nothing}
    <span class="meta" id="meta-${item.seq}">
      <time datetime=${date.toISOString()} title=${fullDate(p.locale, date)}>${relativeTime(p.locale, date)}</time>
      ${item.subject ? html` · ${storyLink({ href: p.storyHref, id: item.subject, label: t('moderation-queue.about', { subject: item.subject }), base: p.base })}` : nothing}
    </span>
    ${item.flags.length ? html`<ul class="flags">${item.flags.map((f) => html`<li class=${f}>${t(`moderation-queue.flag.${f}` as MessageKey)}</li>`)}</ul>` : nothing}
    ${
      p.veil ??
      html`<label class="pick"><input type="checkbox" id="pick-${item.seq}" aria-describedby="text-${item.seq}"
        .checked=${p.selected} @change=${(e: Event) => p.select((e.target as HTMLInputElement).checked)} />${t('moderation-queue.select')}</label>
      ${renderText({ t, locale: p.locale, item })}`
    }
    ${
      item.flags.includes('crisis')
        ? html`<p>${t('moderation-queue.crisis-note')}</p><mutual-crisis-resources nested heading-level=${Math.min(6, p.level + 1)}></mutual-crisis-resources>`
        : nothing
    }
    ${
      p.reasons.length
        ? renderReasonPicker({
            t,
            reasons: p.reasons,
            chosen: p.reason,
            label: 'moderation-queue.hide-reason',
            pick: p.pickReason,
          })
        : nothing
    }
    <div part="actions">
      <button type="button" class="primary" @click=${() => p.decide('approve')}>${t('moderation-queue.approve')}</button>
      <button type="button" @click=${() => p.decide('hide')}>${t('moderation-queue.hide')}</button>
      ${p.historyToggle}
    </div>
    ${p.history}
  </li>`;
}
