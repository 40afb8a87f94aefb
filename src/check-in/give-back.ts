import { html, nothing, type TemplateResult } from 'lit';
import type { ComposerController } from '../core/composer-controller.js';
import type { Params } from '../core/i18n/index.js';
import { renderNudge } from '../core/ui/nudge.js';
import type { MessageKey } from '../locales/index.js';

type Field = 'encourage' | 'tip';
type Text = ComposerController<{ text: string }>;

/**
 * Step 3, the reciprocal step, below its heading, status and help lines (which the check-in renders
 * itself, so they stand while this part loads): one peer's encouragement (so the person receives
 * as well as gives), then an invitation to give back — an encouragement or a consented tip.
 * Skippable.
 */
export function renderGiveBack(p: {
  t: (key: MessageKey, params?: Params) => string;
  done: boolean;
  /**
   * Crisis help was just shown: giving back is offered gently, closed until the member opens it
   * (`open`), never pressed on them.
   */
  gentle: boolean;
  open: boolean;
  openGive: () => void;
  peerMessage: string;
  encouragement: Text;
  tip: Text;
  tipConsent: boolean;
  error?: { field: Field; text: string };
  input: (field: Field, text: string) => void;
  consent: (on: boolean) => void;
  give: (field: Field) => void;
  skip: () => void;
  again: () => void;
  /** "Take it back" for what was just given (nothing when nothing was). */
  takeBack: TemplateResult | typeof nothing;
  /** Stories from peers on the member's topics (or the offer to show them). */
  stories: TemplateResult | typeof nothing;
}) {
  const { t } = p;
  if (p.done) {
    // What was just given has its own way to go: said while it waits on the device, never dropped silently.
    const given = [p.tip, p.encouragement].find((c) => !['idle', 'sending', 'sent'].includes(c.state));
    return html`<p>${t('check-in.done')}</p>
      ${given ? html`<p class="hint" role="status" id="given-status">${given.status}</p>` : nothing} ${p.takeBack}
      <div part="actions"><button type="button" @click=${p.again}>${t('check-in.again')}</button></div>
      ${p.stories}`;
  }
  const field = (
    id: Field,
    composer: Text,
    label: MessageKey,
    extra: TemplateResult | typeof nothing,
    send: TemplateResult,
  ) => {
    const error = p.error?.field === id ? p.error.text : '';
    return html`<div class="field">
      <label for=${id}>${t(label)}</label>
      <textarea id=${id} dir="auto" maxlength=${composer.limit} .value=${composer.value.text} aria-describedby="${id}-error"
        aria-invalid=${error ? 'true' : 'false'}
        @input=${(e: Event) => p.input(id, (e.target as HTMLTextAreaElement).value)}></textarea>
      ${extra}
      <p class="error" id="${id}-error" aria-live="polite">${error}</p>
      ${renderNudge(composer, t)}
      <div part="actions">${send}</div>
    </div>`;
  };
  const peer = p.peerMessage
    ? html`<blockquote>${t('check-in.peer-message', { message: `\u2068${p.peerMessage}\u2069` })}</blockquote>`
    : nothing;
  if (p.gentle && !p.open) {
    return html`${peer}
      <p>${t('check-in.give-gently')}</p>
      <div part="actions">
        <button type="button" @click=${p.skip}>${t('check-in.not-now')}</button>
        <button type="button" class="link" aria-expanded="false" @click=${p.openGive}>${t('check-in.give-open')}</button>
      </div>
      ${p.stories}`;
  }
  return html`${peer}
    <p>${t(p.gentle ? 'check-in.give-gently' : 'check-in.give-intro')}</p>
    ${field(
      'encourage',
      p.encouragement,
      'check-in.encourage',
      nothing,
      html`<button type="button" class="primary" @click=${() => p.give('encourage')}>${t('check-in.encourage-send')}</button>`,
    )}
    ${field(
      'tip',
      p.tip,
      'check-in.tip',
      html`<label class="choice"><input type="checkbox" id="tip-consent" .checked=${p.tipConsent}
        @change=${(e: Event) => p.consent((e.target as HTMLInputElement).checked)} />${t('check-in.tip-consent')}</label>`,
      html`<button type="button" @click=${() => p.give('tip')}>${t('check-in.tip-send')}</button>`,
    )}
    <div part="actions"><button type="button" class="link" @click=${p.skip}>${t('check-in.skip')}</button></div>
    ${p.stories}`;
}
