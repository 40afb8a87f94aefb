import { html, nothing, type PropertyValues } from 'lit';
import { NestedProvider } from '../core/nested-provider.js';
import { commaList } from '../core/config.js';
import { EventTypes, Limits } from '../core/protocol/envelope.js';
import { MutualShareBackEvent } from '../core/events.js';
import { fullDate, relativeTime, type Messages } from '../core/i18n/index.js';
import { MutualElement } from '../internal/mutual-element.js';
import { formStyles } from '../core/ui/form-styles.js';
import type { ComposerController } from '../core/composer-controller.js';
import type { DeliveryState } from '../core/delivery/transport.js';
import { IntersectionController } from '../core/observers/intersection-controller.js';
import { ResizeController } from '../core/observers/resize-controller.js';
import { headingLevel } from '../core/ui/heading.js';
import { warnAbout, warner } from '../core/warn.js';
import { getResponses, type PublishedResponse } from '../core/delivery/endpoint.js';
import { MutualMeToo } from '../me-too/me-too.js';
import { renderResponses, renderWarning } from './parts.js';
import { storyCardStyles } from './story-card.styles.js';
import storyCardMessages from './story-card.messages.js';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import { onDemand } from '../core/on-demand.js';
import { authorKeyOf, withdraw } from '../core/delivery/withdrawal.js';
import type { TakeBackState } from '../core/take-back-controller.js';
import { focusIsHere } from '../core/ui/focus-is-here.js';

const warn = warner(() => import('./story-card.warnings.js'));

const PREFERENCES_EVENT = 'mutual-preferences';

/**
 * In a long feed, only the first cards render their reaction bar at once: as many as the screen
 * could hold if every card were 8rem tall (none is shorter), so no card on screen ever shows up
 * without its bar and then moves when it arrives. The others render it when they come within a
 * screen of the viewport. The bar is most of a card's cost, and a reader never sees it missing.
 * (A fixed 20 rendered 15 bars more than a phone's screen shows: ≈ 0.2× of 200 cards' mount.)
 */
const eagerBars = () => Math.ceil(innerHeight / 128) + 1;
const liveCards = new Set<{ requestUpdate(): void }>();
/**
 * Counts changes of the reader's topic choices (from any copy of Mutual on the page): each card
 * reads its list from the device once per change, not once per render. One page listener for all
 * cards — each listener added to `window` is checked against those already there.
 */
let preferences = 0;
const onPreferences = () => (preferences++, liveCards.forEach((card) => card.requestUpdate()));

type Reply = typeof import('./story-card.reply.js');
let reply: Reply | undefined;

/**
 * The reply composer and the report dialog, with the help lines each can show, are a part of their
 * own (≈ 4 KB): most readers of a feed read and react. It loads once per page, the first time a
 * reader moves towards it (a pointer or focus on a card's actions), once a card has been read for
 * a second, or when a reply sent before a reload still waits for delivery.
 */
const loadReply: () => Promise<Reply> = onDemand(() =>
  import('./story-card.reply.js').then((m) => (m.register(MutualStoryCard.messages), (reply = m))),
);
const preloadReply = () => void loadReply().catch(() => undefined);

/**
 * A reader reaching for a card — a pointer or focus anywhere in one — starts loading the reply
 * part before the press is over. One capturing page listener for every card, gone once it has
 * fired (a pair of listeners on each card cost ≈ 0.4 ms per 200 cards mounted).
 */
let reaching = false;
function onReach(e: Event): void {
  if (!e.composedPath().some((node) => node instanceof MutualStoryCard && !node.preview)) return;
  removeEventListener('pointerdown', onReach, true);
  removeEventListener('focusin', onReach, true);
  preloadReply();
}
function listenForReach(): void {
  if (reaching || reply) return;
  reaching = true;
  addEventListener('pointerdown', onReach, true);
  addEventListener('focusin', onReach, true);
}

const viewed = ((globalThis as typeof globalThis & { [k: symbol]: unknown })[Symbol.for('mutual.viewed')] ??=
  new Set<string>()) as Set<string>;

/**
 * @tag mutual-story-card
 * @summary A peer's shared story in a safe, judgement-free frame, with "me too" reactions and an
 * invitation to share your own experience back.
 *
 * Made for long feeds: cards off screen skip layout and paint (`content-visibility: auto`), a card
 * beyond the first screenful renders its reaction bar when it comes within a screen of the
 * viewport, and the reply composer and report dialog load the first time a reader reaches for a
 * card (offline before then, pressing "Share your experience" says it needs a connection).
 *
 * On the device that wrote the story (it keeps the story's author key), "Report" becomes "Take
 * down my story", and each of the member's own responses offers "Take down my response".
 *
 * @slot - The story text (plain light-DOM content, readable before JavaScript loads).
 * @csspart base - The card.
 * @csspart heading - The heading.
 * @csspart meta - Author and date line.
 * @csspart tags - The topic chips.
 * @csspart story - The story text container (clamped until "Read more").
 * @csspart warning - The content-warning notice.
 * @csspart actions - The row with "Share your experience" and "Report" (or, for the member's own story, "Take down my story").
 * @csspart composer - The inline response composer.
 * @csspart dialog - The report dialog, and the take-down dialog.
 * @cssprop --mutual-story-card-lines - Lines shown before "Read more" (default 6).
 * @cssprop --mutual-story-card-background - Card background (default `--mutual-color-surface`).
 * @fires mutual-share-back - A reader chose "Share your experience"; cancelable. `detail`: `{ storyId, href }`.
 * @fires mutual-reaction - From the embedded reaction bar.
 * @fires mutual-event - Before an event is sent; cancelable.
 */
export class MutualStoryCard extends MutualElement {
  static override messages: Messages = { ...storyCardMessages };
  static override styles = [...MutualElement.styles, formStyles, storyCardStyles];
  static override handDown = NestedProvider;
  // `<mutual-crisis-resources>` comes with the reply part (story-card.reply.ts), which renders it.
  static override dependencies = { 'mutual-me-too': MutualMeToo };

  static override properties = {
    storyId: { attribute: 'story-id', reflect: true },
    author: {},
    published: {},
    tags: {},
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    contentWarning: { attribute: 'content-warning' },
    reactions: {},
    counts: {},
    hideCountsBelow: { type: Number, attribute: 'hide-counts-below' },
    region: {},
    preview: { type: Boolean },
    // A feed hands every card a new object on each render: only a new place is a change.
    feedPosition: {
      attribute: false,
      hasChanged: (a?: { index: number; size: number }, b?: { index: number; size: number }) =>
        a?.index !== b?.index || a?.size !== b?.size,
    },
    responses: { type: Number },
    countsFresh: { type: Boolean, attribute: 'counts-fresh' },
    noReactions: { type: Boolean, attribute: 'no-reactions' },
    shareHref: { attribute: 'share-href' },
    responseLimit: { type: Number, attribute: 'response-limit' },
    revealed: { state: true, attribute: false },
    settingsOpen: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    overflowing: { state: true, attribute: false },
    composerOpen: { state: true, attribute: false },
    barWanted: { state: true, attribute: false },
    composerError: { state: true, attribute: false },
    responsesOpen: { state: true, attribute: false },
    responsePage: { state: true, attribute: false },
    reportReason: { state: true, attribute: false },
    reportState: { state: true, attribute: false },
    takeDown: { state: true, attribute: false },
    pending: { state: true, attribute: false },
    replyUnavailable: { state: true, attribute: false },
  };

  /** Identifies the story in events and reactions. Required. */
  storyId?: string;
  /** The writer's alias; default a localized "A peer". */
  author?: string;
  /** ISO date the story was shared; shown as relative time. */
  published?: string;
  /** Comma list of topics, shown as chips. */
  tags?: string;
  /** The story's title, shown as a heading; without it the card is named after its author. */
  heading?: string;
  /** Level of the card's heading (2–6), to fit the host page's outline: under an `h2`, use 3. */
  headingLevel = 2;
  /** Comma list of sensitive topics: the story stays hidden until the reader chooses to see it. */
  contentWarning?: string;
  /** Reactions for the embedded bar (see `<mutual-me-too reactions>`). */
  reactions?: string;
  /** Initial counts for the embedded bar (see `<mutual-me-too counts>`). */
  counts?: string;
  /** Counts under this number read "A few people" (see `<mutual-me-too hide-counts-below>`). */
  hideCountsBelow = 0;
  /** Region for the help lines shown with "I'm worried about the writer" (ISO 3166 code); else the provider's, else the locale's. */
  region?: string;
  /**
   * Shows the card exactly as it will look, and does nothing: no reactions, no actions, no events
   * (the story composer's preview of a story not yet sent).
   */
  preview = false;
  /** @internal Set by `<mutual-story-feed>`: this card's place in the feed (`aria-posinset`, `aria-setsize`). */
  feedPosition?: { index: number; size: number };
  /** How many approved responses the story has (a feed's answer carries it); the list loads when opened. */
  responses = 0;
  /** The `counts` are current (from the same answer): the bar asks for nothing. */
  countsFresh = false;
  /** Leave out the reaction bar. */
  noReactions = false;
  /** Link "Share your experience" to your own form; the story id is appended as `?story=`. */
  shareHref?: string;
  /** Longest response, in characters. */
  responseLimit = 1000;

  private revealed = false;
  private settingsOpen = false;
  private expanded = false;
  private overflowing = false;
  private composerOpen = false;
  private barWanted = false;
  /** The reply being written; kept on the device until the endpoint acknowledges it (made when the reply part is here). */
  #response?: ComposerController<{ text: string }>;
  /** The reply part could not load (offline before it ever did): said where the composer would be. */
  private replyUnavailable = false;

  #composer(m: Reply): ComposerController<{ text: string }> {
    if (this.#response) return this.#response;
    const composer = (this.#response = new m.ComposerController(this, {
      delivery: this.sender,
      storage: this.storage,
      i18n: this.i18n,
      empty: { text: '' },
      texts: (value) => ({ response: value.text }),
      limit: () => this.responseLimit,
      messages: 'story',
      focus: (selector) => this.focusAfterUpdate(selector),
      forPeers: true,
      onState: (state) => {
        if (state !== 'sent') return;
        composer.value = { text: '' };
        // The composer gives way to the confirmation: focus follows it instead of falling to the page.
        const active = (this.renderRoot as ShadowRoot).activeElement;
        if (active?.closest('[part="composer"]') || document.activeElement === document.body)
          this.focusAfterUpdate('#response-status');
      },
    }));
    this.#loadDraft();
    return composer;
  }

  /** This story's draft, from the device; a reply sent before a reload and still on its way opens its composer. */
  #loadDraft(): void {
    if (this.#response?.load(this.storyId && DeviceKeys.draft('response', this.storyId))) this.composerOpen = true;
  }

  /**
   * Runs `then` with the reply part: at once when it is here, else once it has loaded. When it
   * cannot load, a reader who pressed something is told why nothing opened; work nobody asked for
   * (`quiet`: a reply still on its way after a reload) waits for the connection instead.
   */
  #withReply(then: (m: Reply) => void, quiet = false): void {
    if (reply) return then(reply);
    loadReply().then(
      (m) => ((this.replyUnavailable = false), then(m)),
      () =>
        quiet
          ? addEventListener('online', () => this.#withReply(then, true), { once: true })
          : (this.replyUnavailable = true),
    );
  }
  private composerError = '';
  private responsesOpen = false;
  private responsePage: { list: PublishedResponse[]; next: string | null; error: boolean } = {
    list: [],
    next: null,
    error: false,
  };
  private reportReason = '';
  /** The report dialog is only in the DOM while open (`closed` otherwise): 200 cards, no 200 dialogs. */
  private reportState: 'closed' | 'idle' | 'error' | 'sent' = 'closed';
  /** When this device wrote the story: its author key, with which (and only with which) the member can take it down. */
  #authorKey?: string;
  /**
   * Taking the story, or one of this device's responses to it (`#takeDownId`), down: the dialog
   * asks (`ask`), it is on its way, waits for the connection, was refused, or is `done`.
   */
  private takeDown: TakeBackState = 'closed';
  #takeDownId?: string;

  get #storyEl(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part="story"]') ?? null;
  }
  get #textarea(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector<HTMLTextAreaElement>('textarea') ?? null;
  }
  get #dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector<HTMLDialogElement>('dialog') ?? null;
  }
  get #reportButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('.report') ?? null;
  }

  #viewTimer?: ReturnType<typeof setTimeout>;
  /** Within a screen of the viewport: render the reaction bar from now on. */
  readonly #nearness = new IntersectionController(this, {
    config: { rootMargin: '100% 0px' },
    observeHost: false,
    callback: ({ isIntersecting }) => {
      if (!isIntersecting) return;
      this.barWanted = true;
      this.#nearness.unobserve();
    },
  });
  /**
   * Whether the clamped story overflows: read while layout is fresh (inside the shared observer's
   * callback, for every card at once), written in the next frame — no layout thrashing with 200
   * cards, and no resize-observer loop.
   */
  readonly #storySize = new ResizeController(this, {
    target: () => this.#storyEl,
    callback: () => {
      const el = this.#storyEl;
      if (!el || this.expanded) return;
      const overflowing = el.scrollHeight > el.clientHeight + 1;
      requestAnimationFrame(() => (this.overflowing = overflowing));
    },
  });

  constructor() {
    super();
    // Half the card in view for a second counts as viewed.
    new IntersectionController(this, {
      config: { threshold: [0, 0.5] },
      callback: ({ intersectionRatio }) => {
        clearTimeout(this.#viewTimer);
        if (intersectionRatio >= 0.5) this.#viewTimer = setTimeout(() => this.#markViewed(), 1000);
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    listenForReach();
    if (!liveCards.size) addEventListener(PREFERENCES_EVENT, onPreferences);
    liveCards.add(this);
    if (liveCards.size <= eagerBars()) this.barWanted = true;
    else if (!this.barWanted) this.#nearness.observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#nearness.unobserve();
    liveCards.delete(this);
    if (!liveCards.size) removeEventListener(PREFERENCES_EVENT, onPreferences);
    clearTimeout(this.#viewTimer);
  }

  get #sensitive(): string[] {
    return commaList(this.contentWarning);
  }

  /** Topics the reader chose (on this device) or the host set (`hidden-topics`) to keep collapsed. */
  get #hiddenTopics(): string[] {
    const config = this.settings.config;
    const known = this.#hidden;
    if (known?.preferences === preferences && known.config === config) return known.list;
    const list = [
      ...new Set([...config.hiddenTopics, ...(this.storage.recall<string[]>(DeviceKeys.hiddenTopics()) ?? [])]),
    ];
    this.#hidden = { preferences, config, list };
    return list;
  }
  #hidden?: { preferences: number; config: object; list: string[] };

  /** Adds or removes a topic from the reader's own list; every card on the page follows. */
  #setTopicHidden(topic: string, hidden: boolean): void {
    const mine = (this.storage.recall<string[]>(DeviceKeys.hiddenTopics()) ?? []).filter(
      (t) => t !== topic.toLowerCase(),
    );
    this.storage.remember(DeviceKeys.hiddenTopics(), hidden ? [...mine, topic.toLowerCase()] : mine);
    dispatchEvent(new Event(PREFERENCES_EVENT));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('responseLimit') && !(this.responseLimit > 0 && this.responseLimit <= Limits.stringLength)) {
      warnAbout(
        'limit-range',
        { tag: this.localName, attribute: 'response-limit', value: this.responseLimit, max: Limits.stringLength },
        this,
      );
      this.responseLimit = Limits.stringLength;
    }
    if (changed.has('storyId') && (this.storyId?.length ?? 0) > Limits.subjectLength) {
      warnAbout(
        'id-length',
        { tag: this.localName, attribute: 'story-id', max: Limits.subjectLength, story: true },
        this,
      );
    }
    if (!this.preview && (!this.hasUpdated || changed.has('storyId'))) {
      if (!this.storyId) warn('story-id', undefined, this);
      const draft =
        this.storyId && this.storage.recall<{ pendingId?: string }>(DeviceKeys.draft('response', this.storyId));
      if (this.#response) this.#loadDraft();
      else if (draft && draft.pendingId) this.#withReply((m) => this.#composer(m), true);
      this.pending =
        (this.storyId && this.storage.recall<PublishedResponse[]>(DeviceKeys.myResponses(this.storyId))) || [];
      this.#authorKey = this.storyId ? authorKeyOf(this.storage, this.storyId) : undefined;
    }
    if (changed.has('published') && this.published && Number.isNaN(Date.parse(this.published))) {
      warn('published', { value: this.published }, this);
    }
  }

  #markViewed(): void {
    if (!this.storyId || this.preview || viewed.has(this.storyId)) return;
    viewed.add(this.storyId);
    this.sender.send(EventTypes.storyViewed, {}, { subject: this.storyId });
    preloadReply(); // read for a second: the reply part comes while they read on
  }

  #reveal(): void {
    this.revealed = true;
    if (this.storyId) this.sender.send(EventTypes.storyOpened, { topics: this.#sensitive }, { subject: this.storyId });
    this.focusAfterUpdate('#story');
  }

  #shareUrl(): string | null {
    if (!this.shareHref || !this.storyId) return null;
    try {
      const url = new URL(this.shareHref, document.baseURI);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
      url.searchParams.set('story', this.storyId);
      return url.href;
    } catch {
      warn('share-href', undefined, this);
      return null;
    }
  }

  #onShareHere(e: Event): void {
    this.#onShare(e, null);
  }

  #onShare(e: Event, href: string | null): void {
    if (!this.dispatchEvent(new MutualShareBackEvent({ storyId: this.storyId ?? '', href }))) {
      e.preventDefault();
      return;
    }
    if (href) return; // the link does the rest
    this.#withReply((m) => {
      const composer = this.#composer(m);
      this.composerOpen = true;
      if (composer.state === 'sent') composer.state = 'idle';
      this.focusAfterUpdate('textarea');
    });
  }

  #sendResponse(): void {
    const composer = this.#response;
    if (!composer) return;
    const text = composer.value.text.trim();
    const over = composer.overBy('response');
    this.composerError = !text
      ? this.i18n.t('story.composer-empty')
      : over > 0
        ? this.i18n.t('story.composer-over', { count: over })
        : '';
    if (this.composerError) return void this.#textarea?.focus();
    if (!this.storyId || composer.nudged(() => this.#sendResponse())) return;
    const envelope = composer.send(EventTypes.storyResponse, { text, storyId: this.storyId }, this.storyId);
    if (!envelope) return;
    // Shown to the writer alone, under the story, until a moderator's approval makes it everyone's.
    this.#keepPending([...this.pending, { id: envelope.id, text, time: envelope.time }]);
  }

  /** This device's own responses that no moderator has approved yet (kept on the device, read once per story). */
  private pending: PublishedResponse[] = [];

  #keepPending(list: PublishedResponse[]): void {
    this.pending = list;
    if (this.storyId) this.storage.remember(DeviceKeys.myResponses(this.storyId), list.length ? list : undefined);
  }

  async #toggleResponses(): Promise<void> {
    this.responsesOpen = !this.responsesOpen;
    if (this.responsesOpen && !this.responsePage.list.length) await this.#loadResponses();
  }

  /** A page of approved responses; the writer's own ones drop out of "waiting" once they appear. */
  async #loadResponses(): Promise<void> {
    const reader = this.sender.reader;
    if (!reader || !this.storyId) return;
    try {
      const page = await getResponses(reader, this.storyId, this.responsePage.next ?? undefined);
      this.responsePage = { list: [...this.responsePage.list, ...page.responses], next: page.next, error: false };
      const approved = new Set(this.responsePage.list.map((r) => r.id));
      if (this.pending.some((r) => approved.has(r.id)))
        this.#keepPending(this.pending.filter((r) => !approved.has(r.id)));
    } catch {
      this.responsePage = { ...this.responsePage, error: true };
    }
  }

  #cancelComposer(): void {
    this.composerOpen = false;
    this.focusAfterUpdate('.share');
  }

  openReport(): void {
    this.#withReply(() => {
      this.reportReason = '';
      this.reportState = 'idle';
      void this.updateComplete.then(() => this.#dialog?.showModal());
    });
  }

  #sendReport(): void {
    if (!reply?.REPORT_REASONS.includes(this.reportReason)) return void (this.reportState = 'error');
    if (this.storyId)
      this.sender.send(EventTypes.storyReported, { reason: this.reportReason }, { subject: this.storyId });
    this.reportState = 'sent';
    this.focusAfterUpdate('#report-thanks');
  }

  #closeReport(): void {
    this.#dialog?.close();
  }

  /** The member's own story: "Take down my story" asks first, in a dialog like the report's. */
  openTakeDown(): void {
    this.#askTakeDown(undefined);
  }

  #askTakeDown(response: string | undefined): void {
    this.#withReply(() => {
      this.#takeDownId = response;
      this.takeDown = 'ask';
      void this.updateComplete.then(() => this.#dialog?.showModal());
    });
  }

  #sendTakeDown(): void {
    const response = this.#takeDownId;
    const id = response ?? this.storyId;
    if (!id || this.takeDown !== 'ask') return;
    this.takeDown = 'sending';
    const onState = (state: DeliveryState) => {
      if (state === 'sent') {
        if (response) this.#dropResponse(response);
        else this.#authorKey = undefined;
        // Focus follows only from the card (or from nowhere): a take-down that waited for the
        // connection may arrive while the member is reading elsewhere on the page.
        const here = focusIsHere(this);
        this.takeDown = 'done';
        this.#dialog?.close();
        if (here) this.focusAfterUpdate('#taken-down');
      } else if (this.takeDown !== 'closed') {
        // The confirm button goes: focus moves to what replaced it, never to the page.
        this.takeDown = state === 'queued' ? 'queued' : 'failed';
        this.focusAfterUpdate('#take-down-close');
      }
    };
    if (!withdraw(this.sender, this.storage, id, onState)) this.takeDown = 'ask';
  }

  /** The dialog closed without taking anything down: focus returns to the button that opened it. */
  #takeDownClosed(): void {
    if (this.takeDown === 'done') return;
    this.takeDown = 'closed';
    const id = this.#takeDownId;
    const opener = id
      ? this.renderRoot.querySelector<HTMLElement>(`[data-take-down="${CSS.escape(id)}"]`)
      : this.#reportButton;
    opener?.focus();
  }

  /** A response of this device's, taken down: out of the list (and the count, if peers could see it). */
  #dropResponse(id: string): void {
    const { list } = this.responsePage;
    if (list.some((r) => r.id === id)) {
      this.responsePage = { ...this.responsePage, list: list.filter((r) => r.id !== id) };
      this.responses = Math.max(0, this.responses - 1);
    }
    this.#keepPending(this.pending.filter((r) => r.id !== id));
  }

  protected override render() {
    const { dir, lang, locale } = this.i18n;
    const t = this.i18n.t.bind(this.i18n);
    const date = this.published ? new Date(this.published) : null;
    const validDate = date && !Number.isNaN(date.getTime()) ? date : null;
    const tags = commaList(this.tags);
    // A story stays collapsed when it carries a warning, or when any of its topics (warning or
    // tags) is one the reader or the host chose to hide.
    const hiddenTopics = this.#hiddenTopics;
    const topics = [...new Set([...this.#sensitive, ...tags])];
    const hiddenBySettings = topics.filter((topic) => hiddenTopics.includes(topic.toLowerCase()));
    const hidden = !this.revealed && (this.#sensitive.length > 0 || hiddenBySettings.length > 0);
    const level = headingLevel(this, this.headingLevel, 2);
    const href = this.#shareUrl();
    // A name a member chose keeps its own direction inside the sentence (FSI … PDI).
    const author = t('story.by', { author: this.author ? `\u2068${this.author}\u2069` : t('story.author-default') });
    const position = this.feedPosition;
    // One's own story is not reported but can be taken down (a reader who wrote it, on the device they wrote it on).
    const own = !!this.#authorKey;
    if (this.takeDown === 'done' && !this.#takeDownId)
      return html`<article part="base" dir=${dir} lang=${lang} aria-posinset=${position ? position.index + 1 : nothing} aria-setsize=${position ? position.size : nothing}>
        <p role="status" id="taken-down" tabindex="-1">${t('story.taken-down')}</p>
      </article>`;
    return html`<article part="base" dir=${dir} lang=${lang} aria-labelledby=${this.heading ? 'heading' : nothing} aria-label=${this.heading ? nothing : author}
      aria-posinset=${position ? position.index + 1 : nothing} aria-setsize=${position ? position.size : nothing}>
      ${this.heading ? html`<div part="heading" id="heading" role="heading" aria-level=${level} dir="auto">${this.heading}</div>` : nothing}
      <p part="meta">
        ${author}${
          validDate
            ? html` · <time datetime=${validDate.toISOString()} title=${fullDate(locale, validDate)}>${relativeTime(locale, validDate)}</time>`
            : nothing
        }
      </p>
      ${tags.length ? html`<ul part="tags" aria-label=${t('story.tags')}>${tags.map((tag) => html`<li>${tag}</li>`)}</ul>` : nothing}
      ${
        hidden
          ? renderWarning({
              t,
              locale,
              topics: this.#sensitive.length
                ? [...new Set([...this.#sensitive, ...hiddenBySettings])]
                : hiddenBySettings,
              hiddenBySettings,
              hiddenTopics,
              settingsOpen: this.settingsOpen,
              reveal: () => this.#reveal(),
              toggleSettings: (open) => (this.settingsOpen = open),
              setTopicHidden: (topic, on) => this.#setTopicHidden(topic, on),
            })
          : html`<div part="story" id="story" tabindex="-1" class=${this.expanded ? '' : 'clamped'}><slot @slotchange=${() => this.#storySize.remeasure()}></slot></div>
            ${
              this.overflowing || this.expanded
                ? html`<button type="button" class="link" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="story" @click=${() => (this.expanded = !this.expanded)}>
                  ${t(this.expanded ? 'story.show-less' : 'story.read-more')}
                </button>`
                : nothing
            }`
      }
      ${
        this.storyId && !this.preview && !this.noReactions && !hidden && this.barWanted
          ? html`<mutual-me-too
            subject=${this.storyId}
            reactions=${this.reactions ?? nothing}
            counts=${this.counts ?? nothing}
            ?counts-fresh=${this.countsFresh}
            hide-counts-below=${this.hideCountsBelow || nothing}
          ></mutual-me-too>`
          : nothing
      }
      ${
        this.preview
          ? nothing
          : !this.storyId
            ? html`<p class="hint">${t('story.missing-id')}</p>`
            : // Two whole variants rather than a nested one for the share control: a feed renders
              // hundreds of cards, and each nested template is one more clone and marker per card.
              href
              ? html`<div part="actions">
                  <a class="action share" href=${href} @click=${(e: Event) => this.#onShare(e, href)}>${t('story.share')}</a>
                  <button type="button" class="report link" aria-haspopup="dialog" @click=${own ? this.openTakeDown : this.openReport}>${t(own ? 'story.take-down' : 'story.report')}</button>
                </div>`
              : html`<div part="actions">
                  <button type="button" class="share" aria-expanded=${this.composerOpen ? 'true' : 'false'} @click=${this.#onShareHere}>${t('story.share')}</button>
                  <button type="button" class="report link" aria-haspopup="dialog" @click=${own ? this.openTakeDown : this.openReport}>${t(own ? 'story.take-down' : 'story.report')}</button>
                </div>`
      }
      ${
        this.storyId && !this.preview
          ? renderResponses({
              t,
              locale,
              count: this.responses,
              open: this.responsesOpen,
              list: this.responsePage.list,
              pending: this.pending,
              more: !!this.responsePage.next,
              error: this.responsePage.error,
              toggle: () => void this.#toggleResponses(),
              loadMore: () => void this.#loadResponses(),
              own: (id) => !!authorKeyOf(this.storage, id),
              takeDown: (id) => this.#askTakeDown(id),
            })
          : nothing
      }
      ${this.takeDown === 'done' && this.#takeDownId ? html`<p class="hint" role="status" id="taken-down" tabindex="-1">${t('story.response-taken-down')}</p>` : nothing}
      ${
        this.composerOpen && !href && reply && this.#response
          ? reply.renderComposer({
              t,
              locale,
              composer: this.#response,
              error: this.composerError,
              level,
              input: (text) => (this.#response!.set({ text }), (this.composerError = '')),
              send: () => this.#sendResponse(),
              cancel: () => this.#cancelComposer(),
            })
          : this.replyUnavailable
            ? html`<p class="error" role="alert">${t('story.reply-offline')}</p>`
            : nothing
      }
      ${
        this.takeDown === 'closed' || !reply
          ? nothing
          : reply.renderTakeDownDialog({
              t,
              level,
              state: this.takeDown,
              response: !!this.#takeDownId,
              confirm: () => this.#sendTakeDown(),
              close: () => this.#closeReport(),
              closed: () => this.#takeDownClosed(),
            })
      }
      ${
        this.reportState === 'closed' || !reply
          ? nothing
          : reply.renderReportDialog({
              t,
              level,
              reason: this.reportReason,
              state: this.reportState,
              choose: (reason) => ((this.reportReason = reason), (this.reportState = 'idle')),
              report: () => this.#sendReport(),
              close: () => this.#closeReport(),
              closed: () => ((this.reportState = 'closed'), this.#reportButton?.focus()),
            })
      }
    </article>`;
  }
}
