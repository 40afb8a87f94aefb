import { html, nothing, type ReactiveControllerHost } from 'lit';
import { defineElement } from '../core/define.js';
import type { DeliveryController } from '../core/delivery/delivery-controller.js';
import { getStories, type PublishedStory } from '../core/delivery/readings.js';
import { type Params } from '../core/i18n/index.js';
import { formatList } from '../core/i18n/format.js';
import { onDemand } from '../core/on-demand.js';
import type { MessageKey } from '../locales/index.js';
import { renderPublishedStory } from '../story-card/published.js';

/** The story card comes only to a check-in that has stories to offer (most never load it). */
const loadCard = onDemand(
  () => import('../story-card/story-card.js'),
  (m) => defineElement('mutual-story-card', m.MutualStoryCard),
);

const OFFERED = 3;

export interface PeerStoriesOptions {
  delivery: DeliveryController;
  /** A topic as the member saw it (its label). */
  label: (topic: string) => string;
}

/**
 * One job (no lifecycle, so not a reactive controller): after a check-in, up to three published
 * stories from peers on the topics the member chose, as cards ("Others who found sleep hard shared
 * these"). Nothing about the check-in is sent to find them but the topics, as the feed asks. After
 * crisis help they wait until the member asks for them: help comes first.
 */
export class PeerStoriesController {
  #stories: PublishedStory[] = [];
  #topics: string[] = [];
  #asked = false;
  #generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PeerStoriesOptions,
  ) {}

  /** Finds stories on these topics. */
  async offer(topics: string[]): Promise<void> {
    const generation = ++this.#generation;
    this.#stories = [];
    this.#topics = topics;
    this.#asked = false;
    const reader = this.options.delivery.reader;
    if (!reader || !topics.length) return this.host.requestUpdate();
    const found = new Map<string, PublishedStory>();
    for (const topic of topics) {
      if (found.size >= OFFERED) break;
      try {
        const page = await getStories(reader, { topic, limit: String(OFFERED) });
        for (const story of page.stories ?? []) if (found.size < OFFERED) found.set(story.id, story);
      } catch {
        break; // not reachable now: the check-in goes on without them
      }
    }
    if (generation !== this.#generation || !found.size) return;
    await loadCard().catch(() => undefined);
    this.#stories = [...found.values()];
    this.host.requestUpdate();
  }

  clear(): void {
    this.#generation++;
    this.#stories = [];
    this.host.requestUpdate();
  }

  /** `gentle`: crisis help was just shown, so the stories wait until the member asks. */
  render(t: (key: MessageKey, params?: Params) => string, locale: string, level: number, gentle: boolean) {
    if (!this.#stories.length) return nothing;
    const topics = formatList(
      locale,
      this.#topics.map((topic) => this.options.label(topic).toLocaleLowerCase(locale)),
    );
    if (gentle && !this.#asked)
      return html`<p><button type="button" class="link" aria-expanded="false" @click=${() => ((this.#asked = true), this.host.requestUpdate())}>${t('check-in.stories-ask')}</button></p>`;
    return html`<section part="stories" aria-labelledby="stories-title">
      <div class="heading" role="heading" aria-level=${level} id="stories-title">${t('check-in.stories', { topics })}</div>
      ${this.#stories.map((story) => renderPublishedStory(story, { level: Math.min(6, level + 1) }))}
    </section>`;
  }
}
