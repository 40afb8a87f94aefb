import { html, nothing, type PropertyValues } from 'lit';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import { deviceFootprint } from '../core/delivery/device-footprint.js';
import { getMine, type CameBack } from '../core/delivery/readings.js';
import { headingLevel } from '../core/ui/heading.js';
import { MutualElement } from '../internal/mutual-element.js';
import type { MessageKey } from '../locales/index.js';
import { hiddenBecause } from '../core/hidden-because.js';
import hiddenBecauseMessages from '../core/hidden-because.messages.js';
import cameBackMessages from './came-back.messages.js';
import { cameBackStyles } from './came-back.styles.js';

const REACTIONS = ['me-too', 'understand', 'strength', 'helped'];

/** Everything that came back to a text, as one number: what "new" counts. */
const total = (text: CameBack) =>
  Object.values(text.reactions ?? {}).reduce((n, c) => n + c, 0) + (text.responses?.count ?? 0) + (text.shownTo ?? 0);

/**
 * @tag mutual-came-back
 * @summary What came back to what a member shared from this device: the reactions and responses to
 * their stories, and how many peers their encouragements reached. A small button for the site's
 * header, with a neutral count ("3 new") and never a title, topic or word until it is opened.
 *
 * Asked of the endpoint with proof, not ids: each text goes with the author key only this device
 * keeps, so nobody else learns anything of it. Under `no-trace`, and after "Forget me" or quick
 * exit, there is nothing to show, and the panel says why.
 *
 * @csspart button - The button that opens the panel.
 * @csspart badge - The neutral count of what is new.
 * @csspart panel - What came back, one entry per text.
 * @csspart title - The panel's heading.
 * @cssprop --mutual-came-back-background - The panel's background (default `--mutual-color-surface`).
 */
export class MutualCameBack extends MutualElement {
  static override messages = { ...cameBackMessages, ...hiddenBecauseMessages };
  static override styles = [...MutualElement.styles, cameBackStyles];

  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    open: { state: true, attribute: false },
    answer: { state: true, attribute: false },
  };

  /** Level of the panel's heading (2–6), to fit the host page's outline. */
  headingLevel = 2;
  private open = false;
  private answer: CameBack[] | 'loading' | 'error' | undefined;
  /** The endpoint last asked, so a provider that resolves late (or changes) is asked once. */
  #askedOf?: string;

  /** This device's own texts with their keys; none under no-trace (nothing is kept). */
  get #proofs(): { id: string; key: string }[] {
    if (this.settings.config.noTrace) return [];
    return Object.entries(deviceFootprint().keyOf).map(([id, key]) => ({ id, key }));
  }

  get #seen(): Record<string, number> {
    const seen = this.storage.recall<Record<string, number>>(DeviceKeys.cameBackSeen());
    return seen && typeof seen === 'object' ? seen : {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const reader = this.sender.reader;
    if (reader && reader.endpoint !== this.#askedOf) {
      this.#askedOf = reader.endpoint;
      void this.#load();
    }
  }

  async #load(): Promise<void> {
    const reader = this.sender.reader;
    const proofs = this.#proofs;
    if (!reader || !proofs.length) return void (this.answer = []);
    if (this.answer === undefined) this.answer = 'loading';
    try {
      this.answer = await getMine(reader, proofs);
    } catch {
      this.answer = 'error';
    }
  }

  #toggle(): void {
    if (this.open) return this.#close();
    this.open = true;
    void this.#load();
    this.focusAfterUpdate('[part="title"]');
  }

  /** Closing marks everything shown as seen: the badge counts only what comes after. */
  #close(): void {
    this.open = false;
    if (Array.isArray(this.answer) && this.answer.length)
      this.storage.remember(DeviceKeys.cameBackSeen(), Object.fromEntries(this.answer.map((t) => [t.id, total(t)])));
    this.focusAfterUpdate('[part="button"]');
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.#close();
  }

  /** The titles of the stories this device sent, by id (read once per render of the panel). */
  get #titles(): Map<unknown, unknown> {
    const mine = this.storage.recall<{ id?: unknown; heading?: unknown }[]>(DeviceKeys.myStories());
    return new Map((Array.isArray(mine) ? mine : []).map((s) => [s?.id, s?.heading]));
  }

  #title(text: CameBack, titles: Map<unknown, unknown>): string {
    const t = this.i18n.t.bind(this.i18n);
    if (text.kind === 'story') {
      const heading = titles.get(text.id);
      // A title a member chose keeps its own direction inside the sentence (FSI … PDI).
      return typeof heading === 'string' && heading
        ? t('came-back.story', { title: `\u2068${heading}\u2069` })
        : t('came-back.story-untitled');
    }
    const kinds: Record<string, MessageKey> = {
      response: 'came-back.response',
      encouragement: 'came-back.encouragement',
      tip: 'came-back.tip',
    };
    return t(kinds[text.kind] ?? 'came-back.response');
  }

  /** `fresh`: how much came back to it since the panel was last closed. */
  #renderText(text: CameBack, fresh: number, titles: Map<unknown, unknown>) {
    const t = this.i18n.t.bind(this.i18n);
    const reactions = Object.entries(text.reactions ?? {}).filter(([, n]) => n > 0);
    // Not published for one of the host's reasons: the writer is told, kindly, what it means.
    const because = text.state === 'not-published' ? hiddenBecause(text.reason) : undefined;
    const state =
      text.state === 'waiting'
        ? t('came-back.waiting')
        : text.state === 'not-published'
          ? `${t('came-back.not-published')}${because ? ` ${t(because)}` : ''}`
          : text.kind === 'story' || text.shownTo !== undefined
            ? ''
            : t('came-back.published');
    return html`<li>
      <strong dir="auto">${this.#title(text, titles)}</strong>${fresh ? html` · <em>${t('came-back.new', { count: fresh })}</em>` : nothing}
      ${state ? html`<p>${state}</p>` : nothing}
      ${
        text.state === 'published' && text.kind === 'story'
          ? html`<p>${
              reactions.length
                ? reactions
                    .map(([name, n]) =>
                      REACTIONS.includes(name)
                        ? t(`came-back.reaction.${name}` as MessageKey, { count: n })
                        : `${n} × ${name}`,
                    )
                    .join(' · ')
                : t('came-back.no-reactions')
            }</p>
            ${
              text.responses?.count
                ? html`<p>${t('came-back.responses', { count: text.responses.count })}</p>
                  ${text.responses.latest.map((r) => html`<blockquote dir="auto">${r.text}</blockquote>`)}`
                : nothing
            }`
          : nothing
      }
      ${text.shownTo !== undefined ? html`<p>${t('came-back.shown-to', { count: text.shownTo })}</p>` : nothing}
    </li>`;
  }

  #renderPanel(freshOf: (text: CameBack) => number) {
    const t = this.i18n.t.bind(this.i18n);
    const answer = this.answer;
    const titles = this.#titles;
    const level = headingLevel(this, this.headingLevel, 2);
    const body = this.settings.config.noTrace
      ? html`<p>${t('came-back.no-trace')}</p>`
      : answer === 'loading' || answer === undefined
        ? html`<p role="status">${t('came-back.loading')}</p>`
        : answer === 'error'
          ? html`<p role="alert">${t('came-back.error')}</p>`
          : answer.length
            ? html`<p>${t('came-back.intro')}</p><ul>${answer.map((text) => this.#renderText(text, freshOf(text), titles))}</ul>`
            : html`<p>${t('came-back.nothing')}</p>`;
    return html`<section part="panel" id="panel" aria-labelledby="title" @keydown=${this.#onKeydown}>
      <div part="title" id="title" role="heading" aria-level=${level} tabindex="-1">${t('came-back.title')}</div>
      ${body}
      <button type="button" @click=${() => this.#close()}>${t('came-back.close')}</button>
    </section>`;
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const seen = this.#seen;
    const freshOf = (text: CameBack) => Math.max(0, total(text) - (seen[text.id] ?? 0));
    const fresh = Array.isArray(this.answer) ? this.answer.reduce((n, text) => n + freshOf(text), 0) : 0;
    return html`<div dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <button type="button" part="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="panel"
        @click=${() => this.#toggle()}>
        ${t('came-back.button')}${fresh ? html` <span part="badge">${t('came-back.new', { count: fresh })}</span>` : nothing}
      </button>
      ${this.open ? this.#renderPanel(freshOf) : nothing}
    </div>`;
  }
}
