import { html, nothing, type TemplateResult } from 'lit';
import { type Params } from '../core/i18n/index.js';
import { formatNumber } from '../core/i18n/format.js';
import type { MessageKey } from '../locales/index.js';

/** What the member is writing in the check-in. */
export interface Draft {
  mood: number;
  hard: string;
  helped: string;
  topics: string[];
}

const MOODS = [1, 2, 3, 4, 5] as const;

/** The check-in's value in a host's `<form>`: `NAME-mood`, `NAME-topics` (one per topic), `NAME-hard`, `NAME-helped`. */
export function formValue(name: string, { mood, hard, helped, topics }: Draft): FormData {
  const data = new FormData();
  if (mood) data.append(`${name}-mood`, String(mood));
  topics.forEach((t) => data.append(`${name}-topics`, t));
  if (hard) data.append(`${name}-hard`, hard);
  if (helped) data.append(`${name}-helped`, helped);
  return data;
}

type T = (key: MessageKey, params?: Params) => string;

/**
 * Step 1, the check-in itself: how are you (a native radio group), what's been hard, what's
 * helped, the topics; then Send, unless the check-in sits in a host's own form.
 */
export function renderForm(p: {
  t: T;
  locale: string;
  level: number;
  draft: Draft;
  errors: { mood?: boolean; hard?: number; helped?: number };
  limit: number;
  topics: { key: string; label: string }[];
  /** The last check-in on this device was hard: said once, above the question. */
  lastHard: boolean;
  inForm: boolean;
  crisis: TemplateResult | typeof nothing;
  nudge: TemplateResult | typeof nothing;
  keeping: string;
  change: (patch: Partial<Draft>) => void;
  /** Chooses a topic or lets it go (against the draft as it is then, not as it was rendered). */
  toggleTopic: (key: string) => void;
  submit: (e: Event) => void;
  clear: () => void;
  dismissLastHard: () => void;
}) {
  const { t, draft, errors } = p;
  const text = (field: 'hard' | 'helped') => {
    const over = errors[field];
    const value = draft[field];
    return html`<div class="field">
      <label for=${field}>${t(`check-in.${field}`)}</label>
      <textarea id=${field} dir="auto" .value=${value} aria-invalid=${over ? 'true' : 'false'} aria-describedby="${field}-count${over ? ` ${field}-error` : ''}"
        @input=${(e: Event) => p.change({ [field]: (e.target as HTMLTextAreaElement).value })}></textarea>
      <p class=${value.length > p.limit ? 'hint over' : 'hint'} id="${field}-count">${t('check-in.count', { count: formatNumber(p.locale, value.length), limit: formatNumber(p.locale, p.limit) })}</p>
      ${over ? html`<p class="error" id="${field}-error">${t('check-in.over', { count: over })}</p>` : nothing}
    </div>`;
  };
  return html`<form part="base" novalidate @submit=${p.submit} aria-labelledby="title">
      <div class="heading" role="heading" aria-level=${p.level} id="title" tabindex="-1">${t('check-in.title')}</div>
      ${
        p.lastHard
          ? html`<p part="last-time" class="hint">${t('check-in.last-time')}
            <button type="button" class="link" @click=${p.dismissLastHard}>${t('check-in.last-time-dismiss')}</button></p>`
          : nothing
      }
      <fieldset part="moods" role="radiogroup" aria-required="true" aria-invalid=${errors.mood ? 'true' : 'false'} aria-describedby=${errors.mood ? 'mood-error' : nothing}>
        <legend>${t('check-in.mood-legend')}</legend>
        ${MOODS.map(
          (m) =>
            html`<label><input type="radio" name="mood" value=${m} .checked=${draft.mood === m} @change=${() => p.change({ mood: m })} />${t(`check-in.mood.${m}` as MessageKey)}</label>`,
        )}
      </fieldset>
      ${errors.mood ? html`<p class="error" id="mood-error">${t('check-in.mood-required')}</p>` : nothing}
      ${text('hard')} ${text('helped')}
      ${p.crisis}
      ${
        p.topics.length
          ? html`<div class="field" role="group" aria-labelledby="topics-label">
            <span id="topics-label">${t('check-in.topics')}</span>
            <div part="topics" class="chips">
              ${p.topics.map(({ key, label }) => {
                const on = draft.topics.includes(key);
                return html`<button type="button" aria-pressed=${on ? 'true' : 'false'}
                  @click=${() => p.toggleTopic(key)}>${label}</button>`;
              })}
            </div>
          </div>`
          : nothing
      }
      ${p.nudge}
      ${
        p.inForm
          ? nothing
          : html`<p class="hint">${t('check-in.privacy')} ${p.keeping}</p>
            <div part="actions">
              <button type="submit" class="primary">${t('check-in.submit')}</button>
              <button type="button" @click=${p.clear}>${t('check-in.clear')}</button>
            </div>`
      }
    </form>`;
}
