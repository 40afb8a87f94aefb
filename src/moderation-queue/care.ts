import { html, nothing, type ReactiveControllerHost } from 'lit';
import { formatList } from '../core/i18n/format.js';
import type { MessageKey } from '../locales/index.js';
import type { Item } from './moderation-api.js';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface CareOptions {
  /** After this many crisis items read, a break is offered, once. */
  breakAfter: () => number;
  /** The host's resources for moderators (a page of theirs), if any. */
  careHref: () => string | undefined;
  focus: (selector: string) => void;
}

/**
 * One job (no lifecycle, so not a reactive controller): care for the moderator, who in a
 * peer-support community reads crisis posts all day. Items with crisis language or a content
 * warning stay veiled until the moderator chooses to read them, one by one; after a number of
 * crisis items read, a break is offered, once, kindly, and never blocks the work. All of it lives
 * in this page's memory: nothing about what a moderator read is sent or kept.
 */
export class CareController {
  #read = new Set<number>();
  #crisisRead = 0;
  #offer: 'not-yet' | 'shown' | 'done' = 'not-yet';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CareOptions,
  ) {}

  #warnings(item: Item): string[] {
    const cw = item.kind === 'story' ? item.data?.contentWarning : undefined;
    return Array.isArray(cw) ? cw.filter((w): w is string => typeof w === 'string' && !!w.trim()) : [];
  }

  /** Whether the item's words wait behind their note. */
  veiled(item: Item): boolean {
    return !this.#read.has(item.seq) && (item.flags.includes('crisis') || this.#warnings(item).length > 0);
  }

  /** The note in place of the words, and the choice to read them. */
  renderVeil(item: Item, t: T, locale: string) {
    const warnings = this.#warnings(item);
    const note = item.flags.includes('crisis')
      ? t('moderation-queue.veiled-crisis')
      : t('moderation-queue.veiled-warning', { topics: formatList(locale, warnings) });
    return html`<p id="text-${item.seq}" class="veiled">${note}</p>
      <button type="button" class="link" @click=${() => this.#reveal(item)}>${t('moderation-queue.read-it')}</button>`;
  }

  #reveal(item: Item): void {
    this.#read.add(item.seq);
    if (item.flags.includes('crisis')) this.#crisisRead++;
    if (this.#offer === 'not-yet' && this.#crisisRead >= this.options.breakAfter()) this.#offer = 'shown';
    this.host.requestUpdate();
    this.options.focus(`#item-${item.seq}`);
  }

  /** The offer of a break, once, above the list; gone when the moderator says thanks. */
  renderOffer(t: T) {
    if (this.#offer !== 'shown') return nothing;
    const href = this.options.careHref();
    return html`<div part="care" role="status">
      <p>${t('moderation-queue.care', { count: this.#crisisRead })}
        ${href ? html`<a href=${href} target="_blank" rel="noopener">${t('moderation-queue.care-link')}</a>` : nothing}</p>
      <button type="button" @click=${() => ((this.#offer = 'done'), this.host.requestUpdate(), this.options.focus('#title'))}>${t('moderation-queue.care-close')}</button>
    </div>`;
  }
}
