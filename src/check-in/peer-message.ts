import type { ReactiveControllerHost } from 'lit';
import { parseJsonAttribute } from '../core/config.js';
import type { DeliveryController } from '../core/delivery/delivery-controller.js';
import { getPeerMessages } from '../core/delivery/readings.js';

export interface PeerMessageOptions {
  delivery: DeliveryController;
  /** The host's `peer-messages` attribute (JSON: strings or `{ text }`), if any. */
  given: () => string | undefined;
  /** Said once when the endpoint's encouragements could not be read. */
  failed: (error: Error) => void;
}

/**
 * One job (no lifecycle, so not a reactive controller): the encouragement from another peer that
 * the give-back step shows, from `peer-messages`, else from the endpoint (read once per element).
 */
export class PeerMessageController {
  /** The chosen words, or '' when there are none. */
  text = '';
  #fetched?: Promise<string[]>;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly options: PeerMessageOptions,
  ) {}

  async choose(): Promise<void> {
    const given = parseJsonAttribute<unknown[]>(this.host, 'peer-messages', this.options.given(), 'array');
    let texts = (given ?? [])
      .map((m) => (typeof m === 'string' ? m : (m as { text?: unknown })?.text))
      .filter((m): m is string => typeof m === 'string' && !!m.trim());
    const reader = this.options.delivery.reader;
    if (!given && reader)
      texts = await (this.#fetched ??= getPeerMessages(reader).catch(
        (error: Error) => (this.options.failed(error), []),
      ));
    this.text = texts[Math.floor(Math.random() * texts.length)] ?? '';
    this.host.requestUpdate();
  }
}
