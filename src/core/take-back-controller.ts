import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { DeliveryController } from './delivery/delivery-controller.js';
import type { DeviceStorageController } from './delivery/device-storage-controller.js';
import type takeBackMessages from './take-back.messages.js';
import { focusIsHere } from './ui/focus-is-here.js';
import { waitingWord } from './delivery/waiting.js';
import { withdraw } from './delivery/withdrawal.js';

export type TakeBackState = 'closed' | 'ask' | 'sending' | 'queued' | 'failed' | 'done';

export interface TakeBackOptions {
  sender: DeliveryController;
  storage: DeviceStorageController;
  /** Moves focus to the element the selector names once the host has rendered. */
  focus: (selector: string) => void;
}

/**
 * One job: "Take it back" for the text a member just sent (a story, an encouragement, a tip) —
 * asked inline first, then withdrawn with the author key this device keeps, even while the text
 * still waits on the device for the connection. Its template is `render(t)`.
 */
export class TakeBackController {
  state: TakeBackState = 'closed';
  #id?: string;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: TakeBackOptions,
  ) {}

  /** The text just sent (`undefined`: none, or a new one is being written). */
  track(id: string | undefined): void {
    this.#id = id;
    this.#set('closed');
  }

  #set(state: TakeBackState, focus?: string): void {
    this.state = state;
    this.host.requestUpdate();
    if (focus) this.options.focus(focus);
  }

  #confirm(): void {
    const id = this.#id;
    if (!id || this.state !== 'ask') return;
    this.#set('sending');
    const sent = withdraw(this.options.sender, this.options.storage, id, (state) => {
      if (id !== this.#id) return;
      // Focus follows only from the host: a take-back that waited for the connection may arrive later.
      const here = focusIsHere(this.host);
      if (state === 'sent') this.#set('done', here ? '#taken-back' : undefined);
      else this.#set(state === 'queued' ? 'queued' : 'failed', here ? '#take-back-keep' : undefined);
    });
    if (!sent) this.#set('ask');
  }

  /** The button, the question with its choices, what happened — or, once done, the line saying so. */
  render(t: (key: keyof typeof takeBackMessages) => string) {
    const state = this.state;
    if (!this.#id) return nothing;
    if (state === 'done') return html`<p role="status" id="taken-back" tabindex="-1">${t('take-back.done')}</p>`;
    if (state === 'closed')
      return html`<button type="button" class="link" id="take-back" @click=${() => this.#set('ask', '#take-back-confirm')}>${t('take-back.button')}</button>`;
    const asking = state === 'ask' || state === 'sending';
    return html`<div class="take-back" role="group" aria-labelledby="take-back-question">
      <p id="take-back-question">${t('take-back.question')}</p>
      <p role="status">${asking ? '' : t(state !== 'queued' ? 'take-back.failed' : `take-back.${waitingWord()}`)}</p>
      <div part="actions">
        ${asking ? html`<button type="button" class="primary" id="take-back-confirm" @click=${() => this.#confirm()}>${t('take-back.confirm')}</button>` : nothing}
        <button type="button" id="take-back-keep" @click=${() => this.#set('closed', '#take-back')}>${t(asking ? 'take-back.keep' : 'take-back.close')}</button>
      </div>
    </div>`;
  }
}
