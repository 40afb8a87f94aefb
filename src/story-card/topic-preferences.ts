import type { ReactiveController, ReactiveControllerHost, ReactiveElement } from 'lit';
import { renderedByServer } from '../internal/hydration.js';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import type { DeviceStorageController } from '../core/delivery/device-storage-controller.js';
import type { SettingsController } from '../core/settings-controller.js';

const PREFERENCES_EVENT = 'mutual-preferences';
const live = new Set<ReactiveControllerHost>();
/**
 * Counts changes of the reader's topic choices (from any copy of Mutual on the page): each card
 * reads its list from the device once per change, not once per render. One page listener for all
 * cards — each listener added to `window` is checked against those already there.
 */
let changes = 0;
const onChange = () => (changes++, live.forEach((host) => host.requestUpdate()));

export interface TopicPreferencesOptions {
  settings: SettingsController;
  storage: DeviceStorageController;
}

/**
 * One job: the topics a story stays collapsed for — those the host set (`hidden-topics`) and those
 * the reader chose on this device, which every card on the page follows at once.
 */
export class TopicPreferencesController implements ReactiveController {
  #known?: { changes: number; config: object; list: string[] };
  /**
   * A card the server rendered hydrates with what the server knew (no reader's choices): its first
   * render must match the server's markup, and the reader's choices apply in the update right after.
   */
  #hydrating = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: TopicPreferencesOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!live.size) addEventListener(PREFERENCES_EVENT, onChange);
    live.add(this.host);
    this.#hydrating = renderedByServer(this.host as ReactiveElement);
  }

  hostUpdated(): void {
    if (!this.#hydrating) return;
    this.#hydrating = false;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    live.delete(this.host);
    if (!live.size) removeEventListener(PREFERENCES_EVENT, onChange);
  }

  /** The topics to keep collapsed, lower case. */
  get hidden(): string[] {
    if (this.#hydrating) return [];
    const config = this.options.settings.config;
    const known = this.#known;
    if (known?.changes === changes && known.config === config) return known.list;
    const mine = this.options.storage.recall<string[]>(DeviceKeys.hiddenTopics()) ?? [];
    const list = [...new Set([...config.hiddenTopics, ...mine])];
    this.#known = { changes, config, list };
    return list;
  }

  /** Adds or removes a topic from the reader's own list; every card on the page follows. */
  setHidden(topic: string, hidden: boolean): void {
    const { storage } = this.options;
    const mine = (storage.recall<string[]>(DeviceKeys.hiddenTopics()) ?? []).filter((t) => t !== topic.toLowerCase());
    storage.remember(DeviceKeys.hiddenTopics(), hidden ? [...mine, topic.toLowerCase()] : mine);
    dispatchEvent(new Event(PREFERENCES_EVENT));
  }
}
