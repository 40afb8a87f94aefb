import { html, nothing, type PropertyValues } from 'lit';
import { NestedProvider } from '../core/nested-provider.js';
import { checkedLimit, checkIdLength, commaList } from '../core/config.js';
import { EventTypes } from '../core/protocol/envelope.js';
import { MutualShareBackEvent } from '../core/events.js';
import type { Messages } from '../core/i18n/index.js';
import { MutualElement } from '../internal/mutual-element.js';
import { dialogStyles } from '../core/ui/dialog-styles.js';
import { formStyles } from '../core/ui/form-styles.js';
import { ResizeController } from '../core/observers/resize-controller.js';
import { headingLevel } from '../core/ui/heading.js';
import { warner } from '../core/warn.js';
import { MutualMeToo } from '../me-too/me-too.js';
import { renderActions, renderByline, renderResponses, renderWarning } from './parts.js';
import { createReplyLoader, type Reply } from './reply-loader.js';
import { ResponsesController } from './responses-controller.js';
import { TopicPreferencesController } from './topic-preferences.js';
import { LazyBarController } from './lazy-bar.js';
import { ViewTrackingController } from './view-tracking.js';
import type { CardDialogsController } from './dialogs-controller.js';
import type { ReplyController } from './reply-controller.js';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import { storyCardStyles } from './story-card.styles.js';
import storyCardMessages from './story-card.messages.js';
import { authorKeyOf } from '../core/delivery/withdrawal.js';

const warn = warner(() => import('./story-card.warnings.js'));

const replies = createReplyLoader({
  isCard: (node) => node instanceof MutualStoryCard && !node.preview,
  messages: () => MutualStoryCard.messages,
});

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
  static override styles = [...MutualElement.styles, formStyles, dialogStyles, storyCardStyles];
  static override handDown = NestedProvider;
  // `<mutual-crisis-resources>` comes with the reply part (story-card.reply.ts), which renders it.
  static override dependencies = { 'mutual-me-too': MutualMeToo };

  static override properties = {
    replyUnavailable: { state: true, attribute: false },
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
  /** When this device wrote the story: its author key, with which (and only with which) the member can take it down. */
  #authorKey?: string;
  get #storyEl(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('[part="story"]') ?? null;
  }
  readonly #bar = new LazyBarController(this);
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

  readonly #topics = new TopicPreferencesController(this, { settings: this.settings, storage: this.storage });
  readonly #responses = new ResponsesController(this, {
    delivery: this.sender,
    storage: this.storage,
    story: () => this.storyId,
  });

  /** The reply composer and the dialogs: made the first time they are needed, from the reply part. */
  #reply?: ReplyController;
  #dialogs?: CardDialogsController;
  /** The reply part could not load (offline before it ever did): said where the composer would be. */
  private replyUnavailable = false;

  /**
   * Runs `then` with the reply part: at once when it is here, else once it has loaded. When it
   * cannot load, a reader who pressed something is told why nothing opened; work nobody asked for
   * (`quiet`: a reply still on its way after a reload) waits for the connection instead.
   */
  #withReply(then: (m: Reply) => void, quiet = false): void {
    if (replies.part) return then(replies.part);
    replies.load().then(
      (m) => ((this.replyUnavailable = false), then(m)),
      () =>
        quiet
          ? addEventListener('online', () => this.#withReply(then, true), { once: true })
          : (this.replyUnavailable = true),
    );
  }

  #replyOf(m: Reply): ReplyController {
    return (this.#reply ??= new m.ReplyController(this, {
      delivery: this.sender,
      storage: this.storage,
      i18n: this.i18n,
      story: () => this.storyId,
      limit: () => this.responseLimit,
      focus: (selector) => this.focusAfterUpdate(selector),
      sent: (response) => this.#responses.add(response),
    }));
  }

  #dialogsOf(m: Reply): CardDialogsController {
    return (this.#dialogs ??= new m.CardDialogsController(this, {
      delivery: this.sender,
      storage: this.storage,
      story: () => this.storyId,
      focus: (selector) => this.focusAfterUpdate(selector),
      takenDown: (response) => {
        if (!response) this.#authorKey = undefined;
        else if (this.#responses.drop(response)) this.responses = Math.max(0, this.responses - 1);
      },
    }));
  }

  constructor() {
    super();
    new ViewTrackingController(this, {
      subject: () => (this.preview ? undefined : this.storyId),
      onViewed: (subject) => {
        this.sender.send(EventTypes.storyViewed, {}, { subject });
        replies.preload(); // read for a second: the reply part comes while they read on
      },
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    replies.listenForReach();
  }

  get #sensitive(): string[] {
    return commaList(this.contentWarning);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('responseLimit')) this.responseLimit = checkedLimit(this, 'response-limit', this.responseLimit);
    if (changed.has('storyId')) checkIdLength(this, 'story-id', this.storyId, true);
    if (!this.preview && (!this.hasUpdated || changed.has('storyId'))) {
      if (!this.storyId) warn('story-id', undefined, this);
      const draft =
        this.storyId && this.storage.recall<{ pendingId?: string }>(DeviceKeys.draft('response', this.storyId));
      if (this.#reply) this.#reply.recall();
      else if (draft && draft.pendingId) this.#withReply((m) => this.#replyOf(m), true);
      this.#responses.recall();
      this.#authorKey = this.storyId ? authorKeyOf(this.storage, this.storyId) : undefined;
    }
    if (changed.has('published') && this.published && Number.isNaN(Date.parse(this.published))) {
      warn('published', { value: this.published }, this);
    }
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

  #onShare(e: Event, href: string | null): void {
    if (!this.dispatchEvent(new MutualShareBackEvent({ storyId: this.storyId ?? '', href }))) {
      e.preventDefault();
      return;
    }
    if (!href) this.#withReply((m) => this.#replyOf(m).start()); // else the link does the rest
  }

  openReport(): void {
    this.#withReply((m) => this.#dialogsOf(m).openReport());
  }

  /** The member's own story: "Take down my story" asks first, in a dialog like the report's. */
  openTakeDown(): void {
    this.#withReply((m) => this.#dialogsOf(m).askTakeDown());
  }

  protected override render() {
    const { dir, lang, locale } = this.i18n;
    const t = this.i18n.t.bind(this.i18n);
    const date = this.published ? new Date(this.published) : null;
    const validDate = date && !Number.isNaN(date.getTime()) ? date : null;
    const tags = commaList(this.tags);
    // A story stays collapsed when it carries a warning, or when any of its topics (warning or
    // tags) is one the reader or the host chose to hide.
    const hiddenTopics = this.#topics.hidden;
    const topics = [...new Set([...this.#sensitive, ...tags])];
    const hiddenBySettings = topics.filter((topic) => hiddenTopics.includes(topic.toLowerCase()));
    const hidden = !this.revealed && (this.#sensitive.length > 0 || hiddenBySettings.length > 0);
    const level = headingLevel(this, this.headingLevel, 2);
    const href = this.#shareUrl();
    // A name a member chose keeps its own direction inside the sentence (FSI … PDI).
    const author = t('story-card.by', {
      author: this.author ? `\u2068${this.author}\u2069` : t('story-card.author-default'),
    });
    const position = this.feedPosition;
    // One's own story is not reported but can be taken down (a reader who wrote it, on the device they wrote it on).
    const own = !!this.#authorKey;
    if (this.#dialogs?.done === 'story')
      return html`<article part="base" dir=${dir} lang=${lang} aria-posinset=${position ? position.index + 1 : nothing} aria-setsize=${position ? position.size : nothing}>
        <p role="status" id="taken-down" tabindex="-1">${t('story-card.taken-down')}</p>
      </article>`;
    return html`<article part="base" dir=${dir} lang=${lang} aria-labelledby=${this.heading ? 'heading' : nothing} aria-label=${this.heading ? nothing : author}
      aria-posinset=${position ? position.index + 1 : nothing} aria-setsize=${position ? position.size : nothing}>
      ${this.heading ? html`<div part="heading" id="heading" role="heading" aria-level=${level} dir="auto">${this.heading}</div>` : nothing}
      ${renderByline({ t, locale, author, date: validDate, tags })}
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
              setTopicHidden: (topic, on) => this.#topics.setHidden(topic, on),
            })
          : html`<div part="story" id="story" tabindex="-1" class=${this.expanded ? '' : 'clamped'}><slot @slotchange=${() => this.#storySize.remeasure()}></slot></div>
            ${
              this.overflowing || this.expanded
                ? html`<button type="button" class="link" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="story" @click=${() => (this.expanded = !this.expanded)}>
                  ${t(this.expanded ? 'story-card.show-less' : 'story-card.read-more')}
                </button>`
                : nothing
            }`
      }
      ${
        this.storyId && !this.preview && !this.noReactions && !hidden && this.#bar.wanted
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
            ? html`<p class="hint">${t('story-card.missing-id')}</p>`
            : renderActions({
                t,
                href,
                own,
                replyOpen: !!this.#reply?.open,
                share: (e) => this.#onShare(e, href),
                report: () => (own ? this.openTakeDown() : this.openReport()),
              })
      }
      ${
        this.storyId && !this.preview
          ? renderResponses({
              t,
              locale,
              count: this.responses,
              open: this.#responses.open,
              list: this.#responses.page.list,
              pending: this.#responses.pending,
              more: !!this.#responses.page.next,
              error: this.#responses.page.error,
              toggle: () => void this.#responses.toggle(),
              loadMore: () => void this.#responses.loadMore(),
              own: (id) => !!authorKeyOf(this.storage, id),
              takeDown: (id) => this.#withReply((m) => this.#dialogsOf(m).askTakeDown(id)),
            })
          : nothing
      }
      ${this.#dialogs?.done === 'response' ? html`<p class="hint" role="status" id="taken-down" tabindex="-1">${t('story-card.response-taken-down')}</p>` : nothing}
      ${
        this.#reply && !href
          ? this.#reply.render(t, locale, level)
          : this.replyUnavailable
            ? html`<p class="error" role="alert">${t('story-card.reply-offline')}</p>`
            : nothing
      }
      ${this.#dialogs?.render(t, level)}
    </article>`;
  }
}
