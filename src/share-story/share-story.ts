import { html, nothing, type PropertyValues } from 'lit';
import { NestedProvider } from '../core/nested-provider.js';
import { ComposerController } from '../core/composer-controller.js';
import { checkedLimit, commaList } from '../core/config.js';
import { EventTypes, Limits, paragraphsOf } from '../core/protocol/envelope.js';
import { formStyles } from '../core/ui/form-styles.js';
import { headingLevel } from '../core/ui/heading.js';
import { formatNumber } from '../core/i18n/format.js';
import { renderNudge } from '../core/ui/nudge.js';
import nudgeMessages from '../core/ui/nudge.messages.js';
import { panelStyles } from '../core/ui/panel-styles.js';
import { MutualCrisisResources } from '../crisis-resources/crisis-resources.js';
import { MutualElement } from '../internal/mutual-element.js';
import { defineElement } from '../core/define.js';
import { onDemand } from '../core/on-demand.js';
import shareStoryMessages from './share-story.messages.js';
import { shareStoryStyles } from './share-story.styles.js';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import { TakeBackController } from '../core/take-back-controller.js';
import { MyStoriesController } from './my-stories.js';
import takeBackMessages from '../core/take-back.messages.js';
import hiddenBecauseMessages from '../core/hidden-because.messages.js';

interface StoryDraft {
  heading: string;
  text: string;
  author: string;
  warnings: string[];
  tags: string[];
  consent: boolean;
}
/**
 * The preview card (the story card and its reaction bar, ≈ 7 KB) loads when the member starts
 * writing, long before they ask for the preview; until it is defined — or if it never can be,
 * offline before it ever loaded — `<mutual-story-card>` shows its paragraphs as plain text, and
 * Send works all the same.
 */
const importCard = onDemand(
  () => import('../story-card/story-card.js'),
  (m) => defineElement('mutual-story-card', m.MutualStoryCard),
);
const loadCard = () => void importCard().catch(() => undefined); // the next focus or preview tries again

const EMPTY: StoryDraft = { heading: '', text: '', author: '', warnings: [], tags: [], consent: false };
const HEADING_LIMIT = 120;
const AUTHOR_LIMIT = 60;

/**
 * @tag mutual-share-story
 * @summary A member writes their story for the community: a title, the story in their own words,
 * content-warning topics and tags, an optional name. A preview shows the card exactly as peers will
 * see it — before the member has agreed to anything, since it sends nothing — and asks for their yes
 * (moderators first, then members) beside Send; moderators read it before anyone else does.
 *
 * Uses the same composer as every place a member writes: the draft stays on the device until the
 * endpoint acknowledges it, a gentle note when something could identify someone (Edit or Send
 * anyway), and help lines when the words suggest a crisis — never blocking. The preview's story
 * card loads when the member starts writing; offline before then, the preview shows the words as
 * plain text and the story is sent all the same.
 *
 * Each story goes out with an author key only this device keeps: the confirmation offers "Take it
 * back" at once, and the story's card offers "Take down my story" later (see `<mutual-story-card>`).
 * Under the form, "Your stories on this device" (closed until opened) says where each story this
 * device sent stands: waiting for review, published, not published, or taken down.
 *
 * @csspart base - The form.
 * @csspart chips - A row of topic chips.
 * @csspart actions - Button rows.
 * @csspart preview - The preview card.
 * @csspart status - The delivery status line.
 * @cssprop --mutual-share-story-background - Background (default `--mutual-color-surface`).
 * @fires mutual-event - Before the story is sent (`org.mutual.story.submitted`); cancelable.
 */
export class MutualShareStory extends MutualElement {
  static override messages = { ...shareStoryMessages, ...nudgeMessages, ...takeBackMessages, ...hiddenBecauseMessages };
  static override styles = [...MutualElement.styles, formStyles, panelStyles, shareStoryStyles];
  static override handDown = NestedProvider;
  // `<mutual-story-card>` (the preview) loads when the member starts writing: see `loadCard`.
  static override dependencies = { 'mutual-crisis-resources': MutualCrisisResources };

  static override properties = {
    warningTopics: { attribute: 'warning-topics' },
    tags: {},
    limit: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
    region: {},
    draftId: { attribute: 'draft-id' },
    step: { state: true, attribute: false },
    error: { state: true, attribute: false },
    own: { state: true, attribute: false },
    crisisKept: { state: true, attribute: false },
  };

  /** Comma list of content-warning topics offered as chips (`relapse, self-harm`); writers can add their own. */
  warningTopics?: string;
  /** Comma list of tags offered as chips (`recovery, family`); writers can add their own. */
  tags?: string;
  /** Longest story, in characters. */
  limit: number = Limits.stringLength;
  /** Level of the form's heading (2–6), to fit the host page's outline. */
  headingLevel = 2;
  /** Region for the help lines (ISO 3166 code); else the provider's, else the locale's. */
  region?: string;
  /** Keeps this form's draft apart from another one's on the same site. */
  draftId = 'share-story';

  private step: 'write' | 'preview' | 'sent' = 'write';
  private error?: { field: string; text: string };
  private own = { warnings: '', tags: '' };
  /** Help lines seen while writing stay with the confirmation. */
  private crisisKept = false;
  /** The stories this device sent, and where they stand (a list the member opens). */
  readonly #mine = new MyStoriesController(this, { storage: this.storage, reader: () => this.sender.reader });
  /** "Take it back" for the story sent from this page. */
  readonly #takeBack = new TakeBackController(this, {
    sender: this.sender,
    storage: this.storage,
    focus: (selector) => this.focusAfterUpdate(selector),
  });

  readonly #story = new ComposerController<StoryDraft>(this, {
    delivery: this.sender,
    storage: this.storage,
    i18n: this.i18n,
    empty: EMPTY,
    texts: (v) => ({ 'story-heading': v.heading, 'story-text': v.text, 'story-author': v.author }),
    limit: () => this.limit,
    messages: 'share-story',
    focus: (selector) => this.focusAfterUpdate(selector),
    forPeers: true,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('focusin', loadCard, { once: true });
    this.addEventListener('pointerdown', loadCard, { once: true });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit')) this.limit = checkedLimit(this, 'limit', this.limit);
    if (!this.hasUpdated || changed.has('draftId')) {
      // A story sent before a reload and still on its way can be taken back from here too.
      if (this.#story.load(DeviceKeys.draft('story', this.draftId))) {
        this.step = 'sent';
        this.#takeBack.track(this.#story.pendingId);
      }
    }
  }

  get #draft(): StoryDraft {
    return this.#story.value;
  }

  #change(patch: Partial<StoryDraft>): void {
    this.#story.set({ ...this.#draft, ...patch });
    this.error = undefined;
  }

  /** The first problem that keeps the story from going out, with the field to focus. */
  #problem(sending: boolean): { field: string; text: string } | undefined {
    const t = this.i18n.t.bind(this.i18n);
    if (!this.#draft.heading.trim()) return { field: 'story-heading', text: t('share-story.need-heading') };
    if (!this.#draft.text.trim()) return { field: 'story-text', text: t('share-story.need-text') };
    const over = this.#story.overBy('story-text');
    if (over > 0) return { field: 'story-text', text: t('share-story.over', { count: over }) };
    // A preview sends nothing: the member may look before deciding to share.
    if (sending && !this.#draft.consent) return { field: 'story-consent', text: t('share-story.need-consent') };
    return undefined;
  }

  #checked(sending: boolean): boolean {
    this.error = this.#problem(sending);
    if (this.error) this.focusAfterUpdate(`#${this.error.field}`);
    return !this.error;
  }

  #showPreview(): void {
    if (!this.#checked(false)) return;
    loadCard();
    this.step = 'preview';
    this.focusAfterUpdate('#preview-title');
  }

  #edit(): void {
    this.step = 'write';
    this.focusAfterUpdate('#story-heading');
  }

  #submit(): void {
    if (!this.#checked(true) || this.#story.nudged(() => this.#submit())) return;
    const { heading, text, author, warnings, tags } = this.#draft;
    const data: Record<string, unknown> = {
      heading: heading.trim(),
      text: paragraphsOf(text).join('\n\n'),
      tags,
      contentWarning: warnings,
    };
    if (author.trim()) data.author = author.trim();
    this.crisisKept = this.#story.crisis;
    void this.#story.crisisChecked().then((crisis) => this.step === 'sent' && (this.crisisKept ||= crisis));
    const sent = this.#story.send(EventTypes.storySubmitted, data, null);
    if (!sent) return;
    this.#takeBack.track(sent.id);
    this.#mine.add({ id: sent.id, heading: data.heading as string });
    this.step = 'sent';
    this.focusAfterUpdate('#thanks');
  }

  #another(): void {
    this.#takeBack.track(undefined);
    this.#story.clear();
    this.crisisKept = false;
    this.step = 'write';
    this.focusAfterUpdate('#title');
  }

  #toggle(list: 'warnings' | 'tags', item: string): void {
    const current = this.#draft[list];
    const key = item.toLowerCase();
    const on = current.some((x) => x.toLowerCase() === key);
    this.#change({ [list]: on ? current.filter((x) => x.toLowerCase() !== key) : [...current, item] });
  }

  #addOwn(list: 'warnings' | 'tags'): void {
    const item = this.own[list].trim().slice(0, Limits.listItemLength);
    if (!item) return;
    if (
      !this.#draft[list].some((x) => x.toLowerCase() === item.toLowerCase()) &&
      this.#draft[list].length < Limits.listItems
    )
      this.#change({ [list]: [...this.#draft[list], item] });
    this.own = { ...this.own, [list]: '' };
  }

  get #level(): number {
    return headingLevel(this, this.headingLevel, 2);
  }

  #renderChips(list: 'warnings' | 'tags', offered: string[], legend: string) {
    const t = this.i18n.t.bind(this.i18n);
    const chosen = this.#draft[list];
    const all = [...offered, ...chosen.filter((c) => !offered.some((o) => o.toLowerCase() === c.toLowerCase()))];
    const id = `own-${list}`;
    return html`<fieldset>
      <legend>${legend}</legend>
      ${
        all.length
          ? html`<div part="chips" class="chips">
            ${all.map((item) => {
              const on = chosen.some((c) => c.toLowerCase() === item.toLowerCase());
              return html`<button type="button" aria-pressed=${on ? 'true' : 'false'} @click=${() => this.#toggle(list, item)}>${item}</button>`;
            })}
          </div>`
          : nothing
      }
      <label for=${id} class="choice">${t('share-story.add-own')}</label>
      <div class="own">
        <input type="text" id=${id} maxlength=${Limits.listItemLength} .value=${this.own[list]}
          @input=${(e: Event) => (this.own = { ...this.own, [list]: (e.target as HTMLInputElement).value })}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && (e.preventDefault(), this.#addOwn(list))} />
        <button type="button" @click=${() => this.#addOwn(list)}>${t('share-story.add')}</button>
      </div>
    </fieldset>`;
  }

  #renderCrisis(show: boolean) {
    return show
      ? html`<mutual-crisis-resources role="region" heading-level=${Math.min(6, this.#level + 1)}></mutual-crisis-resources>`
      : nothing;
  }

  /** A field's error message, `aria-invalid` and `aria-describedby` (with its error when it has one). */
  #fieldState() {
    return {
      error: (field: string) =>
        this.error?.field === field ? html`<p class="error" id="${field}-error">${this.error.text}</p>` : nothing,
      invalid: (field: string) => (this.error?.field === field ? 'true' : 'false'),
      described: (field: string, more = '') =>
        [more, this.error?.field === field ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing,
    };
  }

  /**
   * Who will read the story, and the member's yes to it: on the form, and again under the preview,
   * where the member has just seen exactly what peers will see.
   */
  #renderConsent() {
    const t = this.i18n.t.bind(this.i18n);
    const { error, invalid, described } = this.#fieldState();
    return html`<p class="hint" id="story-who">${t('share-story.who')} ${this.#story.keeping}</p>
      <label class="choice"><input type="checkbox" id="story-consent" .checked=${this.#draft.consent}
        aria-invalid=${invalid('story-consent')} aria-describedby=${described('story-consent', 'story-who')}
        @change=${(e: Event) => this.#change({ consent: (e.target as HTMLInputElement).checked })} />${t('share-story.consent')}</label>
      ${error('story-consent')}`;
  }

  #renderWrite() {
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    const d = this.#draft;
    const { error, invalid, described } = this.#fieldState();
    return html`<form part="base" novalidate aria-labelledby="title" @submit=${(e: Event) => (e.preventDefault(), this.#showPreview())}>
      <div class="heading" role="heading" aria-level=${this.#level} id="title" tabindex="-1">${t('share-story.title')}</div>
      <p>${t('share-story.intro')}</p>
      <div class="field">
        <label for="story-heading">${t('share-story.heading')}</label>
        <input type="text" id="story-heading" maxlength=${HEADING_LIMIT} .value=${d.heading} required aria-required="true"
          aria-invalid=${invalid('story-heading')} aria-describedby=${described('story-heading')}
          @input=${(e: Event) => this.#change({ heading: (e.target as HTMLInputElement).value })} />
        ${error('story-heading')}
      </div>
      <div class="field">
        <label for="story-text">${t('share-story.text')}</label>
        <textarea id="story-text" dir="auto" .value=${d.text} aria-required="true" aria-invalid=${invalid('story-text')}
          aria-describedby=${described('story-text', 'story-text-hint story-text-count')}
          @input=${(e: Event) => this.#change({ text: (e.target as HTMLTextAreaElement).value })}></textarea>
        <p class="hint" id="story-text-hint">${t('share-story.text-hint')}</p>
        <p class=${this.#story.overBy('story-text') > 0 ? 'hint over' : 'hint'} id="story-text-count">
          ${t('share-story.count', { count: formatNumber(locale, d.text.length), limit: formatNumber(locale, this.limit) })}
        </p>
        ${error('story-text')}
      </div>
      ${this.#renderCrisis(this.#story.crisis)}
      ${this.#renderChips('warnings', commaList(this.warningTopics), t('share-story.warnings'))}
      ${this.#renderChips('tags', commaList(this.tags), t('share-story.tags'))}
      <div class="field">
        <label for="story-author">${t('share-story.author')}</label>
        <input type="text" id="story-author" maxlength=${AUTHOR_LIMIT} .value=${d.author} aria-describedby="story-author-hint"
          @input=${(e: Event) => this.#change({ author: (e.target as HTMLInputElement).value })} />
        <p class="hint" id="story-author-hint">${t('share-story.author-hint')}</p>
      </div>
      ${this.#renderConsent()}
      ${renderNudge(this.#story, t)}
      <div part="actions">
        <button type="submit" class="primary">${t('share-story.preview')}</button>
        <button type="button" @click=${() => this.#submit()}>${t('share-story.send')}</button>
      </div>
      ${this.#mine.render(t)}
    </form>`;
  }

  #renderPreview() {
    const t = this.i18n.t.bind(this.i18n);
    const d = this.#draft;
    return html`<div part="base">
      <div class="heading" role="heading" aria-level=${this.#level} id="preview-title" tabindex="-1">${t('share-story.preview-title')}</div>
      <mutual-story-card part="preview" preview heading=${d.heading.trim()} author=${d.author.trim() || nothing}
        tags=${d.tags.join(', ') || nothing} content-warning=${d.warnings.join(', ') || nothing}
        heading-level=${Math.min(6, this.#level + 1)} published=${new Date().toISOString()}>
        ${paragraphsOf(d.text).map((p) => html`<p>${p}</p>`)}
      </mutual-story-card>
      ${this.#renderCrisis(this.#story.crisis)}
      ${this.#renderConsent()}
      ${renderNudge(this.#story, t, () => this.#edit())}
      <div part="actions">
        <button type="button" class="primary" @click=${() => this.#submit()}>${t('share-story.send')}</button>
        <button type="button" @click=${() => this.#edit()}>${t('share-story.edit')}</button>
      </div>
    </div>`;
  }

  #renderSent() {
    const t = this.i18n.t.bind(this.i18n);
    const state = this.#story.state;
    const stuck = state === 'failed' || state === 'full' || state === 'unconfirmed';
    // Help lines the member was shown stay, whatever happens to the story.
    if (this.#takeBack.state === 'done')
      return html`<div part="base">
        ${this.#takeBack.render(t)}
        ${this.#renderCrisis(this.crisisKept || this.#story.crisis)}
        <div part="actions"><button type="button" @click=${() => this.#another()}>${t('share-story.another')}</button></div>
      </div>`;
    return html`<div part="base">
      <div class="heading" role="heading" aria-level=${this.#level} id="thanks" tabindex="-1">${t('share-story.thanks')}</div>
      <p>${t('share-story.review')} ${t(this.storage.keeping === 'kept' ? 'share-story.take-down' : 'share-story.take-down-not-kept')}</p>
      <p part="status" class="hint" role="status">${this.#story.status}</p>
      ${stuck ? nothing : this.#takeBack.render(t)}
      ${this.#renderCrisis(this.crisisKept || this.#story.crisis)}
      <div part="actions">
        ${
          stuck
            ? html`<button type="button" @click=${() => this.#edit()}>${t('share-story.back')}</button>`
            : html`<button type="button" @click=${() => this.#another()}>${t('share-story.another')}</button>`
        }
      </div>
    </div>`;
  }

  protected override render() {
    const body =
      this.step === 'write'
        ? this.#renderWrite()
        : this.step === 'preview'
          ? this.#renderPreview()
          : this.#renderSent();
    return html`<div dir=${this.i18n.dir} lang=${this.i18n.lang}>${body}</div>`;
  }
}
