import { nothing, type ReactiveControllerHost } from 'lit';
import { ComposerController } from '../core/composer-controller.js';
import type { DeliveryController } from '../core/delivery/delivery-controller.js';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import type { DeviceStorageController } from '../core/delivery/device-storage-controller.js';
import type { PublishedResponse } from '../core/delivery/readings.js';
import type { LocaleController } from '../core/locale-controller.js';
import { EventTypes } from '../core/protocol/envelope.js';
import type { T } from './parts.js';
import { renderComposer } from './story-card.reply.js';

export interface ReplyOptions {
  delivery: DeliveryController;
  storage: DeviceStorageController;
  i18n: LocaleController;
  story: () => string | undefined;
  limit: () => number;
  focus: (selector: string) => void;
  /** A response this device sent, to show its writer under the story while it waits for review. */
  sent: (response: PublishedResponse) => void;
}

/**
 * One job (no lifecycle, so not a reactive controller): a reader's response to the story, written
 * in the card; it comes with the reply part, loaded on intent. Its draft stays on the device until
 * the endpoint acknowledged it, and one sent before a reload opens again.
 */
export class ReplyController {
  open = false;
  #error = '';
  readonly #composer: ComposerController<{ text: string }>;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment },
    private readonly options: ReplyOptions,
  ) {
    const composer = (this.#composer = new ComposerController(host, {
      delivery: options.delivery,
      storage: options.storage,
      i18n: options.i18n,
      empty: { text: '' },
      texts: (value) => ({ response: value.text }),
      limit: options.limit,
      messages: 'story-card',
      focus: options.focus,
      forPeers: true,
      onState: (state) => {
        if (state !== 'sent') return;
        composer.show({ text: '' });
        // The composer gives way to the confirmation: focus follows it instead of falling to the page.
        const active = (host.renderRoot as ShadowRoot).activeElement;
        if (active?.closest('[part="composer"]') || document.activeElement === document.body)
          options.focus('#response-status');
      },
    }));
    this.recall();
  }

  /** The story's draft from the device (once per story): a reply still on its way opens its composer. */
  recall(): void {
    const story = this.options.story();
    if (this.#composer.load(story && DeviceKeys.draft('response', story))) {
      this.open = true;
      this.host.requestUpdate();
    }
  }

  /** "Share your experience": the composer opens, focused. */
  start(): void {
    this.open = true;
    if (this.#composer.state === 'sent') this.#composer.resetStatus();
    this.host.requestUpdate();
    this.options.focus('textarea');
  }

  #send(): void {
    const composer = this.#composer;
    const story = this.options.story();
    const { i18n } = this.options;
    const text = composer.value.text.trim();
    const over = composer.overBy('response');
    this.#error = !text
      ? i18n.t('story-card.composer-empty')
      : over > 0
        ? i18n.t('story-card.composer-over', { count: over })
        : '';
    this.host.requestUpdate();
    if (this.#error) return void this.host.renderRoot.querySelector('textarea')?.focus();
    if (!story || composer.nudged(() => this.#send())) return;
    const envelope = composer.send(EventTypes.storyResponse, { text, storyId: story }, story);
    if (envelope) this.options.sent({ id: envelope.id, text, time: envelope.time });
  }

  #cancel(): void {
    this.open = false;
    this.host.requestUpdate();
    this.options.focus('.share');
  }

  /** The composer while open. */
  render(t: T, locale: string, level: number) {
    if (!this.open) return nothing;
    return renderComposer({
      t,
      locale,
      composer: this.#composer,
      error: this.#error,
      level,
      input: (text) => (this.#composer.set({ text }), (this.#error = '')),
      send: () => this.#send(),
      cancel: () => this.#cancel(),
    });
  }
}
