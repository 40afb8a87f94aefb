import type { ReactiveControllerHost } from 'lit';
import type { DeliveryController } from '../core/delivery/delivery-controller.js';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import type { DeviceStorageController } from '../core/delivery/device-storage-controller.js';
import { getResponses, type PublishedResponse } from '../core/delivery/readings.js';

export interface ResponsesOptions {
  delivery: DeliveryController;
  storage: DeviceStorageController;
  /** The story whose responses these are. */
  story: () => string | undefined;
}

/**
 * One job (no lifecycle, so not a reactive controller): a story's responses as its card shows them — the approved ones, paged from the
 * endpoint when the reader opens them, and this device's own still waiting for review (kept on
 * the device, shown to their writer alone until a moderator's approval makes them everyone's).
 */
export class ResponsesController {
  open = false;
  /** Approved responses loaded so far; `next` is the endpoint's cursor for more. */
  page: { list: PublishedResponse[]; next: string | null; error: boolean } = { list: [], next: null, error: false };
  /** This device's own responses no moderator has approved yet. */
  pending: PublishedResponse[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ResponsesOptions,
  ) {}

  /** Reads this device's waiting responses for the story (once per story). */
  recall(): void {
    const story = this.options.story();
    this.pending = (story && this.options.storage.recall<PublishedResponse[]>(DeviceKeys.myResponses(story))) || [];
  }

  /** A response this device just sent: shown to its writer under the story while it waits. */
  add(response: PublishedResponse): void {
    this.#keep([...this.pending, response]);
  }

  async toggle(): Promise<void> {
    this.open = !this.open;
    this.host.requestUpdate();
    if (this.open && !this.page.list.length) await this.loadMore();
  }

  /** A page of approved responses; the writer's own ones drop out of "waiting" once they appear. */
  async loadMore(): Promise<void> {
    const reader = this.options.delivery.reader;
    const story = this.options.story();
    if (!reader || !story) return;
    try {
      const page = await getResponses(reader, story, this.page.next ?? undefined);
      this.page = { list: [...this.page.list, ...page.responses], next: page.next, error: false };
      const approved = new Set(this.page.list.map((r) => r.id));
      if (this.pending.some((r) => approved.has(r.id))) this.#keep(this.pending.filter((r) => !approved.has(r.id)));
    } catch {
      this.page = { ...this.page, error: true };
    }
    this.host.requestUpdate();
  }

  /** A response of this device's, taken down: out of the list; answers whether peers could see it. */
  drop(id: string): boolean {
    const { list } = this.page;
    const shown = list.some((r) => r.id === id);
    if (shown) this.page = { ...this.page, list: list.filter((r) => r.id !== id) };
    this.#keep(this.pending.filter((r) => r.id !== id));
    return shown;
  }

  #keep(list: PublishedResponse[]): void {
    this.pending = list;
    const story = this.options.story();
    if (story) this.options.storage.remember(DeviceKeys.myResponses(story), list.length ? list : undefined);
    this.host.requestUpdate();
  }
}
