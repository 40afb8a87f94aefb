import type { ReactiveControllerHost } from 'lit';
import type { MessageKey } from '../locales/index.js';
import type { Item } from './moderation-api.js';
import { renderBulk } from './parts.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface SelectionOptions {
  /** What may be selected now: items whose words the moderator can see (none still covered). */
  selectable: () => Item[];
  decide: (action: 'approve' | 'hide', items: Item[], reason: string) => void;
}

/**
 * One job (no lifecycle, so not a reactive controller): the items a moderator chose for one
 * decision, and the reason to give their writers if they are hidden. Only what can be read can be
 * chosen, so nothing is published unread.
 */
export class SelectionController {
  #seqs = new Set<number>();
  #reason = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SelectionOptions,
  ) {}

  has(seq: number): boolean {
    return this.#seqs.has(seq);
  }

  toggle(item: Item, on = !this.#seqs.has(item.seq)): void {
    if (on && this.options.selectable().includes(item)) this.#seqs.add(item.seq);
    else this.#seqs.delete(item.seq);
    this.host.requestUpdate();
  }

  clear(): void {
    this.#seqs.clear();
  }

  /** The bar above the list: select all, how many are chosen, and one decision for them. */
  render(t: T, reasons: string[]) {
    const selectable = this.options.selectable();
    const chosen = selectable.filter((i) => this.#seqs.has(i.seq));
    return renderBulk({
      t,
      selected: chosen.length,
      selectable: selectable.length,
      reasons,
      reason: this.#reason,
      pickReason: (reason) => (this.#reason = reason),
      selectAll: (all) => {
        this.#seqs = new Set(all ? selectable.map((i) => i.seq) : []);
        this.host.requestUpdate();
      },
      decide: (action) => this.options.decide(action, chosen, action === 'hide' ? this.#reason : ''),
    });
  }
}
