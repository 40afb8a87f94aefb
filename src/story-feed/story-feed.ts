import { html, isServer, nothing, type PropertyValues } from 'lit';
import { NestedProvider } from '../core/nested-provider.js';
import { repeat } from 'lit/directives/repeat.js';
import { formStyles } from '../core/ui/form-styles.js';
import { headingLevel } from '../core/ui/heading.js';
import { IntersectionController } from '../core/observers/intersection-controller.js';
import { getStories, type PublishedStory } from '../core/delivery/readings.js';
import { MutualElement } from '../internal/mutual-element.js';
import { renderPublishedStory } from '../story-card/published.js';
import { MutualStoryCard } from '../story-card/story-card.js';
import storyFeedMessages from './story-feed.messages.js';
import { storyFeedStyles } from './story-feed.styles.js';

type Status = 'loading' | 'ready' | 'error' | 'offline';
type StoriesPage = Awaited<ReturnType<typeof getStories>>;
interface Prefetch {
  generation: number;
  cursor: string;
  request: Promise<StoriesPage>;
  page?: StoriesPage;
}

/**
 * @tag mutual-story-feed
 * @summary The community's published stories, loaded from the endpoint and shown as story cards —
 * only what moderators approved, every text rendered as text. One tag a CMS editor can paste.
 *
 * Follows the ARIA feed pattern: `role=feed`, each card with its position (`aria-posinset`,
 * `aria-setsize`), `aria-busy` while a page loads, and a "Load more" button (`infinite` also loads
 * as the reader nears the end). Cards the page rendered inside the feed stay first; loaded ones follow.
 *
 * @slot - Story cards the page rendered itself (server-side); loaded stories come after them.
 * @csspart base - The feed.
 * @csspart footer - Loading, empty, error and offline messages and the "Load more" button.
 * @cssprop --mutual-story-feed-gap - Space between cards (default `--mutual-space-l`).
 * @fires mutual-event - From the cards, before an event is sent; cancelable.
 */
export class MutualStoryFeed extends MutualElement {
  static override messages = storyFeedMessages;
  static override styles = [...MutualElement.styles, formStyles, storyFeedStyles];
  static override handDown = NestedProvider;
  static override dependencies = { 'mutual-story-card': MutualStoryCard };

  static override properties = {
    topic: {},
    tag: {},
    excludeTopics: { attribute: 'exclude-topics' },
    pageSize: { type: Number, attribute: 'page-size' },
    infinite: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    reactions: {},
    hideCountsBelow: { type: Number, attribute: 'hide-counts-below' },
    region: {},
    cursor: {},
    stories: { state: true, attribute: false },
    status: { state: true, attribute: false },
    next: { state: true, attribute: false },
    ownCards: { state: true, attribute: false },
  };

  /** Only stories with this topic (a tag or a content-warning topic). */
  topic?: string;
  /** Only stories with this tag. */
  tag?: string;
  /** Comma list of content-warning topics the host leaves out of this feed entirely. */
  excludeTopics?: string;
  /** Stories per page (1–50). */
  pageSize = 10;
  /** Also load the next page as the reader nears the end (the button stays, for keyboards). */
  infinite = false;
  /** Level of each card's heading (2–6), to fit the host page's outline. */
  headingLevel = 2;
  /** Reactions for every card's bar (see `<mutual-me-too reactions>`). */
  reactions?: string;
  /** Counts under this number read "A few people" (see `<mutual-me-too hide-counts-below>`). */
  hideCountsBelow = 0;
  /** Region for the cards' help lines (ISO 3166 code). */
  region?: string;
  /**
   * Where the stories the page rendered itself end (a server-rendered first page: the endpoint's
   * `next` for it): the feed goes on from there with "Load more", without fetching them again.
   * Empty (`cursor=""`): they are all there is.
   */
  cursor?: string;

  private stories: PublishedStory[] = [];
  private status: Status = 'loading';
  private next: string | null = null;
  private ownCards: MutualStoryCard[] = [];
  #loaded = false;
  /** `cursor` was taken up, with an endpoint to go on from. */
  #resumed = false;
  #generation = 0;
  /** The endpoint the stories shown came from. */
  #from?: string | null;
  get #moreButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector<HTMLButtonElement>('.more') ?? null;
  }

  /** Near the end with `infinite`: the next page loads. */
  readonly #nearEnd = new IntersectionController(this, {
    config: { rootMargin: '0px 0px 50% 0px' },
    observeHost: false,
    callback: ({ isIntersecting }) => {
      if (isIntersecting && this.infinite && this.status === 'ready' && this.next) void this.#load();
    },
  });

  #onOnline = () => {
    if (this.status === 'offline') void this.#load();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.#onOnline);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Where it reads from is the resolved endpoint, its own or inherited: a provider's may arrive
    // after the feed's first update (a feed the page wrote before Mutual loaded).
    const from = this.sender.reader?.endpoint ?? null;
    if (
      ['topic', 'tag', 'excludeTopics', 'pageSize'].some((k) => (changed as Map<string, unknown>).has(k)) ||
      from !== this.#from ||
      !this.hasUpdated
    ) {
      this.#from = from;
      if (!(this.pageSize >= 1 && this.pageSize <= 50)) this.pageSize = 10;
      this.stories = [];
      this.next = null;
      this.#loaded = false;
      if (this.cursor !== undefined && !this.#resumed) {
        this.next = this.cursor || null;
        this.#loaded = true;
        this.status = 'ready';
        this.#resumed = from !== null;
      } else void this.#load();
    }
  }

  protected override updated(): void {
    // The cards' places in the feed: the page's own first, then the loaded ones.
    const size = this.#setSize;
    this.ownCards.forEach((card, index) => (card.feedPosition = { index, size }));
    const more = this.#moreButton;
    if (this.infinite && more) this.#nearEnd.observe(more);
  }

  /**
   * `aria-setsize`: every card once all are in; before that, the endpoint's total from the first
   * page (so each card has its place from the start, and no card updates when the last page comes),
   * or -1 (unknown) from an endpoint that does not say.
   */
  get #setSize(): number {
    const shown = this.ownCards.length + this.stories.length;
    if (!this.next) return shown;
    return this.#total === undefined ? -1 : Math.max(this.ownCards.length + this.#total, shown);
  }
  /** How many stories the endpoint has for this feed (its first page says). */
  #total?: number;

  #onSlotChange(e: Event): void {
    this.ownCards = (e.target as HTMLSlotElement)
      .assignedElements()
      .filter((el): el is MutualStoryCard => el.localName === 'mutual-story-card');
  }

  /** The page after the last one shown, already on its way (`generation` it was asked for); `page` once it is in. */
  #prefetched?: Prefetch;

  /** The next page (or the first), through the element's reader; never a duplicate of a card already shown. */
  async #load(): Promise<void> {
    // A server renders what the client's first render will show: still loading.
    if (isServer) return;
    const reader = this.sender.reader;
    if (!reader) {
      this.status = 'ready';
      return;
    }
    const cursor = this.#loaded ? (this.next ?? undefined) : undefined;
    const prefetched = this.#prefetched;
    this.#prefetched = undefined;
    const generation = ++this.#generation;
    const fetchPage = (at: string | undefined) =>
      getStories(reader, {
        limit: String(this.pageSize),
        cursor: at,
        topic: this.topic,
        tag: this.tag,
        'exclude-topics': this.excludeTopics,
      });
    const usable = prefetched?.generation === generation - 1 && prefetched.cursor === cursor ? prefetched : undefined;
    // A page already here is shown in this same update: no "Loading…" for a screen reader to announce.
    if (usable?.page) return this.#show(usable.page, fetchPage, generation);
    this.status = 'loading';
    try {
      const page = await (usable ? usable.request.catch(() => fetchPage(cursor)) : fetchPage(cursor));
      if (generation === this.#generation) this.#show(page, fetchPage, generation);
    } catch {
      if (generation !== this.#generation) return;
      this.status = navigator.onLine ? 'error' : 'offline';
    }
  }

  #show(page: StoriesPage, fetchPage: (at: string) => Promise<StoriesPage>, generation: number): void {
    const shown = new Set([...this.ownCards.map((c) => c.storyId), ...this.stories.map((s) => s.id)]);
    const fresh = page.stories.filter((s) => !shown.has(s.id));
    this.stories = [...this.stories, ...fresh];
    if (!this.#loaded) this.#total = Number.isInteger(page.total) ? page.total : undefined;
    // A story the page rendered itself and the endpoint also lists counts once.
    if (this.#total !== undefined) this.#total -= page.stories.length - fresh.length;
    this.next = page.next;
    this.#loaded = true;
    this.status = 'ready';
    // The page after is fetched now, so "Load more" (or scrolling on) shows it without a wait.
    if (page.next) {
      const prefetch: Prefetch = {
        generation,
        cursor: page.next,
        request: fetchPage(page.next),
      };
      prefetch.request.then(
        (next) => (prefetch.page = next),
        () => undefined,
      );
      this.#prefetched = prefetch;
    }
  }

  #loadMore(): void {
    const focusIndex = this.ownCards.length + this.stories.length;
    void this.#load().then(() =>
      // Focus moves to the first new story, never to the page.
      this.updateComplete.then(() => {
        const card =
          this.renderRoot.querySelectorAll<MutualStoryCard>('mutual-story-card')[focusIndex - this.ownCards.length];
        const article = card?.shadowRoot?.querySelector<HTMLElement>('article');
        if (article) {
          article.tabIndex = -1;
          article.focus();
        } else this.#moreButton?.focus();
      }),
    );
  }

  #renderFooter() {
    const t = this.i18n.t.bind(this.i18n);
    const count = this.ownCards.length + this.stories.length;
    if (this.status === 'loading') return html`<p role="status">${t('story-feed.loading')}</p>`;
    if (this.status === 'error' || this.status === 'offline')
      return html`<p role="alert">${t(this.status === 'error' ? 'story-feed.error' : 'story-feed.offline')}</p>
        <button type="button" @click=${() => void this.#load()}>${t('story-feed.retry')}</button>`;
    if (this.next)
      return html`<button type="button" class="more primary" @click=${() => this.#loadMore()}>${t('story-feed.more')}</button>`;
    if (!count && this.#loaded)
      return html`<p role="status">${t('story-feed.empty')}</p>
        <button type="button" @click=${() => void this.#load()}>${t('story-feed.retry')}</button>`;
    return count && this.#loaded ? html`<p class="hint">${t('story-feed.end')}</p>` : nothing;
  }

  protected override render() {
    const level = headingLevel(this, this.headingLevel, 2);
    const own = this.ownCards.length;
    const size = this.#setSize;
    // An empty feed is no feed (ARIA requires articles in one); while loading, `aria-busy` says why.
    const isFeed = own + this.stories.length > 0 || this.status === 'loading';
    return html`<div dir=${this.i18n.dir} lang=${this.i18n.lang}>
      <div part="base" role=${isFeed ? 'feed' : nothing}
        aria-busy=${this.status === 'loading' ? 'true' : 'false'} aria-label=${isFeed ? this.i18n.t('story-feed.label') : nothing}>
        <slot @slotchange=${this.#onSlotChange}></slot>
        ${repeat(
          this.stories,
          (story) => story.id,
          (story, i) =>
            renderPublishedStory(story, {
              level,
              reactions: this.reactions,
              hideCountsBelow: this.hideCountsBelow,
              position: { index: own + i, size },
            }),
        )}
      </div>
      <div part="footer">${this.#renderFooter()}</div>
    </div>`;
  }
}
