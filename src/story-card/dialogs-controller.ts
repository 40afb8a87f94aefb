import { nothing, type LitElement } from 'lit';
import type { DeliveryController } from '../core/delivery/delivery-controller.js';
import type { DeviceStorageController } from '../core/delivery/device-storage-controller.js';
import type { DeliveryState } from '../core/delivery/transport.js';
import { withdraw } from '../core/delivery/withdrawal.js';
import { EventTypes } from '../core/protocol/envelope.js';
import type { TakeBackState } from '../core/take-back-controller.js';
import { focusIsHere } from '../core/ui/focus-is-here.js';
import type { T } from './parts.js';
import { renderReportDialog, renderTakeDownDialog, REPORT_REASONS } from './story-card.reply.js';

export interface CardDialogsOptions {
  delivery: DeliveryController;
  storage: DeviceStorageController;
  story: () => string | undefined;
  focus: (selector: string) => void;
  /** Something this device wrote is down: the story (`undefined`), or one of its responses. */
  takenDown: (response: string | undefined) => void;
}

/**
 * One job (no lifecycle, so not a reactive controller): the card's two dialogs, in the reply part. "Report" asks
 * why, and "I'm worried about the writer" comes with help lines; "Take down my story" (or a
 * response of this device's) asks first, then withdraws it with the author key, also while it
 * waits for the connection. Each dialog is in the DOM only while open: 200 cards, no 200 dialogs.
 */
export class CardDialogsController {
  #reason = '';
  #report: 'closed' | 'idle' | 'error' | 'sent' = 'closed';
  #takeDown: TakeBackState = 'closed';
  /** The response being taken down; none for the story itself. */
  #response?: string;

  constructor(
    private readonly host: LitElement,
    private readonly options: CardDialogsOptions,
  ) {}

  /** What was taken down, once it is: the story, or one of this device's responses. */
  get done(): 'story' | 'response' | null {
    return this.#takeDown !== 'done' ? null : this.#response ? 'response' : 'story';
  }

  get #dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector<HTMLDialogElement>('dialog');
  }

  #set(update: () => void): void {
    update();
    this.host.requestUpdate();
  }

  #show(): void {
    void this.host.updateComplete.then(() => this.#dialog?.showModal());
  }

  openReport(): void {
    this.#set(() => ((this.#reason = ''), (this.#report = 'idle')));
    this.#show();
  }

  /** Take down the story (`response` undefined) or one of this device's responses to it. */
  askTakeDown(response?: string): void {
    this.#set(() => ((this.#response = response), (this.#takeDown = 'ask')));
    this.#show();
  }

  #sendReport(): void {
    const story = this.options.story();
    if (!REPORT_REASONS.includes(this.#reason)) return this.#set(() => (this.#report = 'error'));
    if (story) this.options.delivery.send(EventTypes.storyReported, { reason: this.#reason }, { subject: story });
    this.#set(() => (this.#report = 'sent'));
    this.options.focus('#report-thanks');
  }

  #sendTakeDown(): void {
    const response = this.#response;
    const id = response ?? this.options.story();
    if (!id || this.#takeDown !== 'ask') return;
    this.#set(() => (this.#takeDown = 'sending'));
    const onState = (state: DeliveryState) => {
      if (state === 'sent') {
        this.options.takenDown(response);
        // Focus follows only from the card (or from nowhere): a take-down that waited for the
        // connection may arrive while the member is reading elsewhere on the page.
        const here = focusIsHere(this.host);
        this.#set(() => (this.#takeDown = 'done'));
        this.#dialog?.close();
        if (here) this.options.focus('#taken-down');
      } else if (this.#takeDown !== 'closed') {
        // The confirm button goes: focus moves to what replaced it, never to the page.
        this.#set(() => (this.#takeDown = state === 'queued' ? 'queued' : 'failed'));
        this.options.focus('#take-down-close');
      }
    };
    if (!withdraw(this.options.delivery, this.options.storage, id, onState)) this.#set(() => (this.#takeDown = 'ask'));
  }

  /** Closed without taking anything down, or after a report: focus returns to what opened it. */
  #closed(which: 'report' | 'take-down'): void {
    if (which === 'take-down' && this.#takeDown === 'done') return;
    const id = which === 'take-down' ? this.#response : undefined;
    this.#set(() => (which === 'report' ? (this.#report = 'closed') : (this.#takeDown = 'closed')));
    const opener = id
      ? this.host.renderRoot.querySelector<HTMLElement>(`[data-take-down="${CSS.escape(id)}"]`)
      : this.host.renderRoot.querySelector<HTMLElement>('.report');
    opener?.focus();
  }

  render(t: T, level: number) {
    const close = () => this.#dialog?.close();
    if (this.#takeDown !== 'closed' && this.#takeDown !== 'done')
      return renderTakeDownDialog({
        t,
        level,
        state: this.#takeDown,
        response: !!this.#response,
        confirm: () => this.#sendTakeDown(),
        close,
        closed: () => this.#closed('take-down'),
      });
    if (this.#report !== 'closed')
      return renderReportDialog({
        t,
        level,
        reason: this.#reason,
        state: this.#report,
        choose: (reason) => this.#set(() => ((this.#reason = reason), (this.#report = 'idle'))),
        report: () => this.#sendReport(),
        close,
        closed: () => this.#closed('report'),
      });
    return nothing;
  }
}
