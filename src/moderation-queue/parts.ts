import { html, nothing } from 'lit';
import { fullDate, relativeTime, type Params } from '../core/i18n/index.js';
import type { MessageKey } from '../locales/index.js';
import type { HistoryEntry } from './moderation-api.js';
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
      ? html`<p>${t('mod.loading')}</p>`
      : history === 'error' || !history
        ? html`<p>${t('mod.history-error')}</p>`
        : !history.length
          ? html`<p>${t('mod.history-empty')}</p>`
          : html`<ol>${history.map((e) => {
              const action = ACTIONS.includes(e.action) ? t(`mod.action.${e.action}` as MessageKey) : e.action;
              const when = new Date(e.at);
              return html`<li>${t('mod.history-entry', { action, actor: e.actor })}
                <time datetime=${when.toISOString()} title=${fullDate(p.locale, when)}>${relativeTime(p.locale, when)}</time>${e.reason ? html` · <span dir="auto">${e.reason}</span>` : nothing}</li>`;
            })}</ol>`;
  return html`<div class="history" id="history-${p.seq}" role="region" aria-label=${t('mod.history-label')}>${entries}</div>`;
}

/** The shortcuts, listed on "?": a modal dialog (Escape or Close returns to where the moderator was). */
export function renderHelp(p: { t: T; close: () => void; closed: () => void }) {
  const { t } = p;
  return html`<dialog id="shortcuts" aria-labelledby="shortcuts-title" @close=${p.closed}>
    <div class="heading" id="shortcuts-title">${t('mod.shortcuts')}</div>
    <dl>${SHORTCUTS.map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${t(`mod.shortcut.${what}` as MessageKey)}</dd></div>`)}</dl>
    <p class="meta">${t('mod.shortcuts-note')}</p>
    <button type="button" @click=${p.close}>${t('mod.close')}</button>
  </dialog>`;
}
