import { html, nothing, type TemplateResult } from 'lit';
import type { DraftState } from '../core/composer-controller.js';
import type { MessageKey } from '../locales/index.js';

/**
 * Steps 2 and 3 as the check-in renders them itself: thanks (or what was given), the check-in's
 * status and the help lines, which stand while the give-back part loads; `rest` is that part's.
 */
export function renderAfterSend(p: {
  t: (key: MessageKey) => string;
  level: number;
  done: boolean;
  /** Something was given (else the member passed, and the words say so). */
  gave: boolean;
  /** The check-in itself: its delivery status. */
  entry: { readonly state: DraftState; readonly status: string };
  crisis: TemplateResult | typeof nothing;
  back: () => void;
  /** The give-back part's, once it is here. */
  rest: TemplateResult | typeof nothing;
  /** The part could not load (offline before it ever did): a way to start again instead. */
  unavailable: boolean;
  again: () => void;
}) {
  const { t, entry } = p;
  const state = entry.state;
  return html`<div part="base">
    <div class="heading" role="heading" aria-level=${p.level} id=${p.done ? 'done' : 'thanks'} tabindex="-1">${t(p.done ? (p.gave ? 'check-in.given' : 'check-in.skipped') : 'check-in.thanks')}</div>
    <p part="status" class="hint" role="status">${entry.status}</p>
    ${
      state === 'failed' || state === 'full' || state === 'unconfirmed'
        ? html`<div part="actions"><button type="button" @click=${p.back}>${t('check-in.back')}</button></div>`
        : nothing
    }
    ${p.crisis}
    ${
      p.rest === nothing && p.unavailable
        ? html`<div part="actions"><button type="button" @click=${p.again}>${t('check-in.again')}</button></div>`
        : p.rest
    }
  </div>`;
}
