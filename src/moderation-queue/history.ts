import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { MessageKey } from '../locales/index.js';
import type { HistoryEntry, ModerationApi } from './moderation-api.js';
import { renderHistory } from './parts.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

/**
 * One job (no lifecycle, so not a reactive controller): each item's audit trail, opened and closed
 * by its History button or `i`, read from the endpoint each time it opens.
 */
export class HistoryController {
  #open = new Set<number>();
  #entries = new Map<number, HistoryEntry[] | 'loading' | 'error'>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly api: ModerationApi,
  ) {}

  async toggle(seq: number): Promise<void> {
    if (this.#open.delete(seq)) return this.host.requestUpdate();
    this.#open.add(seq);
    this.#entries.set(seq, 'loading');
    this.host.requestUpdate();
    try {
      this.#entries.set(seq, await this.api.history(seq));
    } catch {
      this.#entries.set(seq, 'error');
    }
    this.host.requestUpdate();
  }

  /** The History button, which says whether the item's history is open. */
  renderToggle(seq: number, t: T) {
    return html`<button type="button" class="link" aria-expanded=${this.#open.has(seq) ? 'true' : 'false'} aria-controls="history-${seq}"
      @click=${() => this.toggle(seq)}>${t('moderation-queue.history')}</button>`;
  }

  /** The item's history, when open. */
  render(seq: number, t: T, locale: string) {
    return this.#open.has(seq) ? renderHistory({ t, locale, seq, history: this.#entries.get(seq) }) : nothing;
  }
}
