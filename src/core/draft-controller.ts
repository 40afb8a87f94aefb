import type { ReactiveControllerHost } from 'lit';
import type { MutualEnvelope, MutualEventType } from './envelope.js';
import type { MutualController } from './send-controller.js';
import type { DeliveryState } from './transport.js';

/** Where a draft's last send stands: nothing sent (`idle`), `sending`, or what delivery said. */
export type DraftState = 'idle' | 'sending' | DeliveryState;

/**
 * Something a peer is writing (a reply to a story, a check-in), kept on the device under one key
 * (memory only under `no-trace`) until the endpoint acknowledges the event that carries it. So a
 * reload, a crash or a lost connection never loses their words:
 *
 * - `set()` on every change stores it (an empty draft is removed);
 * - `send()` marks it with the event's id; it stays stored until delivery says `sent`;
 *   `failed` (refused for good) keeps it as an ordinary, editable draft;
 * - `load()` after a reload restores it and, when it was sent but not yet acknowledged, follows
 *   that event again (`state` is then `queued`).
 *
 * It needs no lifecycle hooks: it asks its host to render again when its state changes.
 */
export class DraftController<T extends object> {
  value: T;
  private current: DraftState = 'idle';
  private key?: string;
  private pendingId?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly mutual: MutualController,
    private readonly empty: T,
    /** Told of each delivery change of the draft's current version, after the draft is updated. */
    private readonly onState?: (state: DraftState) => void,
  ) {
    this.value = empty;
  }

  get state(): DraftState {
    return this.current;
  }

  set state(state: DraftState) {
    this.current = state;
    this.host.requestUpdate();
  }

  /** Restores the draft kept under `key` (none without a key). Returns true when it is still on its way. */
  load(key: string | undefined): boolean {
    this.key = key;
    const { pendingId, ...saved } = (key && this.mutual.recall<T & { pendingId?: string }>(key)) || {};
    this.value = { ...this.empty, ...saved };
    this.pendingId = pendingId;
    this.state = 'idle';
    if (!pendingId) return false;
    this.state = 'queued';
    this.mutual.watch(pendingId, (s) => this.delivered(pendingId, s));
    return true;
  }

  /** The writer changed it: stored at once; no longer the version that was sent. */
  set(value: T): void {
    this.value = value;
    this.pendingId = undefined;
    if (this.state !== 'sending') this.state = 'idle';
    this.store();
    this.host.requestUpdate();
  }

  /** Empties it and removes it from the device. */
  clear(): void {
    this.value = this.empty;
    this.pendingId = undefined;
    this.state = 'idle';
    this.store();
  }

  /** Sends `data` as a `type` event; the draft is kept until the endpoint acknowledges it. */
  send(
    type: MutualEventType,
    data: Record<string, unknown>,
    subject: string | null | undefined,
  ): MutualEnvelope | null {
    this.state = 'sending';
    let id = '';
    const envelope = this.mutual.send(type, data, { subject, onState: (s) => this.delivered(id, s) });
    if (!envelope) {
      this.state = 'idle';
      return null;
    }
    id = this.pendingId = envelope.id;
    this.store();
    return envelope;
  }

  private delivered(id: string, state: DeliveryState): void {
    // Edited since it was sent: that version still goes out, but the draft on screen is newer.
    if (id !== this.pendingId) return;
    this.state = state;
    if (state !== 'queued') {
      this.pendingId = undefined;
      // Acknowledged: nothing to keep on the device. Refused: keep it as an ordinary draft.
      this.store(state === 'sent');
    }
    this.onState?.(state);
  }

  private store(remove = false): void {
    if (!this.key) return;
    const empty = remove || JSON.stringify(this.value) === JSON.stringify(this.empty);
    this.mutual.remember(
      this.key,
      empty ? undefined : { ...this.value, ...(this.pendingId && { pendingId: this.pendingId }) },
    );
  }
}
