import { html, nothing, type ReactiveControllerHost } from 'lit';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import type { DeviceStorageController } from '../core/delivery/device-storage-controller.js';
import { type EndpointReader } from '../core/delivery/endpoint.js';
import { getMine, type CameBack } from '../core/delivery/readings.js';
import { authorKeyOf } from '../core/delivery/withdrawal.js';
import { hiddenBecause } from '../core/hidden-because.js';
import type hiddenBecauseMessages from '../core/hidden-because.messages.js';
import type shareStoryMessages from './share-story.messages.js';

interface MyStory {
  id: string;
  heading: string;
}

const KEEP = 20;
const STATE_WORDS: Record<string, keyof typeof shareStoryMessages> = {
  waiting: 'share-story.mine-waiting',
  published: 'share-story.mine-published',
  'not-published': 'share-story.mine-not-published',
};

/**
 * One job: the stories this device sent, and where each stands — waiting for review, published,
 * not published, or taken down — asked of the endpoint only when the member opens the list (it
 * stays closed, so a shared screen does not show titles unasked). Its template is `render(t)`.
 */
export class MyStoriesController {
  open = false;
  /** What the endpoint said of each story (by id), once it answered; `loading` or `error` meanwhile. */
  #states: Record<string, CameBack> | 'loading' | 'error' | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { storage: DeviceStorageController; reader: () => EndpointReader | null },
  ) {}

  /**
   * Read from the device on each render, not kept here: "Forget me" (or quick exit) on the same
   * page must empty the list at once. It is at most 20 short entries.
   */
  get #stories(): MyStory[] {
    const kept = this.options.storage.recall<unknown>(DeviceKeys.myStories());
    return Array.isArray(kept)
      ? kept.filter((s): s is MyStory => typeof s?.id === 'string' && typeof s?.heading === 'string')
      : [];
  }

  /** A story just sent joins the list (the newest last). */
  add(story: MyStory): void {
    const others = this.#stories.filter((s) => s.id !== story.id);
    this.options.storage.remember(DeviceKeys.myStories(), [...others, story].slice(-KEEP));
    this.#states = undefined;
  }

  async #load(): Promise<void> {
    const reader = this.options.reader();
    const { storage } = this.options;
    // Proof, not ids: each story with the author key it was sent with (one without is taken down).
    const texts = this.#stories.flatMap((s) => {
      const key = authorKeyOf(storage, s.id);
      return key ? [{ id: s.id, key }] : [];
    });
    if (!reader || !this.#stories.length) return;
    this.#states = 'loading';
    this.host.requestUpdate();
    try {
      this.#states = Object.fromEntries((await getMine(reader, texts)).map((t) => [t.id, t]));
    } catch {
      this.#states = 'error';
    }
    this.host.requestUpdate();
  }

  #toggle(): void {
    this.open = !this.open;
    this.host.requestUpdate();
    if (this.open) void this.#load();
  }

  render(
    t: (
      key: keyof typeof shareStoryMessages | keyof typeof hiddenBecauseMessages,
      params?: Record<string, string | number>,
    ) => string,
  ) {
    const stories = this.#stories;
    if (!stories.length || !this.options.reader()) return nothing;
    const states = this.#states;
    // Not in the answer: taken down, or forgotten ("Forget me").
    const stateOf = (id: string) => {
      if (typeof states !== 'object') return '';
      const answer = states[id];
      const because = answer?.state === 'not-published' ? hiddenBecause(answer.reason) : undefined;
      const state = t(STATE_WORDS[answer?.state] ?? 'share-story.mine-gone') + (because ? `. ${t(because)}` : '');
      // What came back to it, when anything did: peers' reactions and responses.
      const reactions = Object.values(answer?.reactions ?? {}).reduce((n, c) => n + c, 0);
      const responses = answer?.responses?.count ?? 0;
      return [
        state,
        reactions && t('share-story.mine-reactions', { count: reactions }),
        responses && t('share-story.mine-responses', { count: responses }),
      ]
        .filter(Boolean)
        .join(' · ');
    };
    return html`<div class="mine">
      <button type="button" class="link" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="my-stories"
        @click=${() => this.#toggle()}>${t('share-story.mine', { count: stories.length })}</button>
      ${
        this.open
          ? html`<div id="my-stories">
            <p role="status" class="hint">${states === 'loading' ? t('share-story.mine-checking') : states === 'error' ? t('share-story.mine-error') : ''}</p>
            ${states === 'error' ? html`<button type="button" @click=${() => void this.#load()}>${t('share-story.mine-retry')}</button>` : nothing}
            <ul aria-label=${t('share-story.mine-label')}>
              ${[...stories].reverse().map((s) => html`<li><span class="title" dir="auto">${s.heading}</span> <span class="hint">${stateOf(s.id)}</span></li>`)}
            </ul>
          </div>`
          : nothing
      }
    </div>`;
  }
}
