import { html, nothing } from 'lit';
import { type Params } from '../core/i18n/index.js';
import { formatList, fullDate, relativeTime } from '../core/i18n/format.js';
import type { MessageKey } from '../locales/index.js';
import type { HistoryEntry, Item, ReportedStory } from './moderation-api.js';
import { SHORTCUTS } from './shortcuts.js';

type T = (key: MessageKey, params?: Params) => string;
const ACTIONS = ['approve', 'hide', 'restore', 'publish', 'withdraw', 'trusted', 'untrusted'];

/** One item's audit trail: who decided what, and when; the reason a moderator gave, in its own direction. */
export function renderHistory(p: {
  t: T;
  locale: string;
  seq: number;
  history: HistoryEntry[] | 'loading' | 'error' | undefined;
}) {
  const { t, history } = p;
  const entries =
    history === 'loading'
      ? html`<p>${t('moderation-queue.loading')}</p>`
      : history === 'error' || !history
        ? html`<p>${t('moderation-queue.history-error')}</p>`
        : !history.length
          ? html`<p>${t('moderation-queue.history-empty')}</p>`
          : html`<ol>${history.map((e) => {
              const action = ACTIONS.includes(e.action)
                ? t(`moderation-queue.action.${e.action}` as MessageKey)
                : e.action;
              const when = new Date(e.at);
              return html`<li>${t('moderation-queue.history-entry', { action, actor: e.actor })}
                <time datetime=${when.toISOString()} title=${fullDate(p.locale, when)}>${relativeTime(p.locale, when)}</time>${e.reason ? html` · <span dir="auto">${e.reason}</span>` : nothing}</li>`;
            })}</ol>`;
  return html`<div class="history" id="history-${p.seq}" role="region" aria-label=${t('moderation-queue.history-label')}>${entries}</div>`;
}

/** The shortcuts, listed on "?": a modal dialog (Escape or Close returns to where the moderator was). */
export function renderHelp(p: { t: T; close: () => void; closed: () => void }) {
  const { t } = p;
  return html`<dialog id="shortcuts" aria-labelledby="shortcuts-title" @close=${p.closed}>
    <div class="heading" id="shortcuts-title">${t('moderation-queue.shortcuts')}</div>
    <dl>${SHORTCUTS.map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${t(`moderation-queue.shortcut.${what}` as MessageKey)}</dd></div>`)}</dl>
    <p class="meta">${t('moderation-queue.shortcuts-note')}</p>
    <button type="button" @click=${p.close}>${t('moderation-queue.close')}</button>
  </dialog>`;
}

/**
 * The text, and for a story all else peers will read: its title (bold, as on its card), the name
 * it is shown under, its content-warning topics and topics — all free entry, all reviewed here.
 */
export function renderText(p: { t: T; locale: string; item: Item }) {
  const { t, item } = p;
  const data = item.kind === 'story' ? item.data : undefined;
  if (!data) return html`<p id="text-${item.seq}" dir="auto">${item.text}</p>`;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const formatted = (v: unknown) => {
    const items = Array.isArray(v) ? v.map(str).filter(Boolean) : [];
    return items.length ? formatList(p.locale, items) : '';
  };
  const shown: [MessageKey, string][] = [
    ['moderation-queue.author', str(data.author) || t('moderation-queue.no-author')],
    ['moderation-queue.warnings', formatted(data.contentWarning)],
    ['moderation-queue.tags', formatted(data.tags)],
  ];
  return html`<p id="text-${item.seq}" dir="auto"><strong>${str(data.heading)}</strong>
${str(data.text)}</p>
    <dl class="shown">${shown.map(([key, value]) => (value ? html`<div><dt>${t(key)}</dt><dd dir="auto">${value}</dd></div>` : nothing))}</dl>`;
}

/** Reports grouped per story: reasons and counts, "worried about the writer" first with help lines. */
export function renderReports(p: {
  t: T;
  level: number;
  reports: ReportedStory[];
  decide: (report: ReportedStory, action: 'approve' | 'hide') => void;
}) {
  const { t } = p;
  if (!p.reports.length) return html`<p>${t('moderation-queue.no-reports')}</p>`;
  return html`<ol>
    ${p.reports.map(
      (r) => html`<li part="item" tabindex="-1" id="report-${r.subject}">
        <p><strong>${t('moderation-queue.reports', { subject: r.subject, count: r.total })}</strong>${r.markedForReview ? html` · ${t('moderation-queue.marked')}` : nothing}</p>
        <ul class="flags">
          ${Object.entries(r.reasons).map(([reason, n]) => html`<li class=${reason === 'worried' ? 'crisis' : ''}>${t(`moderation-queue.reason.${reason}` as MessageKey)} (${n})</li>`)}
        </ul>
        ${r.worried ? html`<p>${t('moderation-queue.crisis-note')}</p><mutual-crisis-resources nested heading-level=${Math.min(6, p.level + 1)}></mutual-crisis-resources>` : nothing}
        ${
          r.item !== null && r.state
            ? html`<div part="actions">
              <button type="button" class="primary" @click=${() => p.decide(r, 'approve')}>${t(r.state === 'approved' ? 'moderation-queue.keep' : 'moderation-queue.approve')}</button>
              <button type="button" @click=${() => p.decide(r, 'hide')}>${t('moderation-queue.hide')}</button>
            </div>`
            : nothing
        }
      </li>`,
    )}
  </ol>`;
}

/** The reason a moderator may give for hiding, from the host's list (the writer is told what it means). */
export function renderReasonPicker(p: {
  t: T;
  reasons: string[];
  chosen: string;
  label: MessageKey;
  pick: (reason: string) => void;
}) {
  const { t } = p;
  return html`<label class="reason">${t(p.label)}
    <select @change=${(e: Event) => p.pick((e.target as HTMLSelectElement).value)}>
      <option value="">${t('moderation-queue.hide-reason-none')}</option>
      ${p.reasons.map((r) => html`<option value=${r} ?selected=${p.chosen === r}>${t(`moderation-queue.hide-reason.${r}` as MessageKey)}</option>`)}
    </select></label>`;
}

/**
 * Acting on a selection: select all on this page, how many are chosen, and one decision for them.
 * Items still covered are never selected: nothing is published unread.
 */
export function renderBulk(p: {
  t: T;
  selected: number;
  selectable: number;
  reasons: string[];
  reason: string;
  pickReason: (reason: string) => void;
  selectAll: (all: boolean) => void;
  decide: (action: 'approve' | 'hide') => void;
}) {
  const { t, selected } = p;
  const all = selected > 0 && selected === p.selectable;
  return html`<div part="bulk" role="group" aria-label=${t('moderation-queue.bulk')}>
    <label class="pick"><input type="checkbox" id="select-all" .checked=${all} .indeterminate=${selected > 0 && !all}
      ?disabled=${!p.selectable} @change=${(e: Event) => p.selectAll((e.target as HTMLInputElement).checked)} />${t('moderation-queue.select-all')}</label>
    <span class="meta" aria-live="polite">${t('moderation-queue.selected', { count: selected })}</span>
    ${selected && p.reasons.length ? renderReasonPicker({ t, reasons: p.reasons, chosen: p.reason, label: 'moderation-queue.hide-reason-bulk', pick: p.pickReason }) : nothing}
    <button type="button" class="primary" ?disabled=${!selected} @click=${() => p.decide('approve')}>${t('moderation-queue.approve-selected')}</button>
    <button type="button" ?disabled=${!selected} @click=${() => p.decide('hide')}>${t('moderation-queue.hide-selected')}</button>
  </div>`;
}

/** The story an item answers, linked when the host said where stories live (http(s) only). */
export function storyLink(p: { href: string | undefined; id: string; label: string; base: string }) {
  if (!p.href) return p.label;
  try {
    const url = new URL(p.href.replace('{id}', encodeURIComponent(p.id)), p.base);
    if (url.protocol === 'http:' || url.protocol === 'https:') return html`<a href=${url.href}>${p.label}</a>`;
  } catch {
    /* not a URL: plain text */
  }
  return p.label;
}

/** The kinds as tabs: one tab stop (arrow keys move between them), each with what waits once known. */
export function renderTabs<K extends string>(p: {
  t: T;
  kinds: readonly K[];
  current: K;
  count: (kind: K) => number | undefined;
  choose: (kind: K) => void;
  onKey: (e: KeyboardEvent) => void;
}) {
  const { t } = p;
  return html`<div role="tablist" aria-label=${t('moderation-queue.kinds')} @keydown=${p.onKey}>
    ${p.kinds.map((kind) => {
      const selected = kind === p.current;
      const label = t(`moderation-queue.kind.${kind}` as MessageKey);
      const count = p.count(kind);
      return html`<button type="button" role="tab" id="tab-${kind}" aria-selected=${selected ? 'true' : 'false'} aria-controls="panel"
        tabindex=${selected ? 0 : -1} @click=${() => p.choose(kind)}>${count === undefined ? label : t('moderation-queue.tab', { label, count })}</button>`;
    })}
  </div>`;
}
