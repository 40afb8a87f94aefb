import type { ReactiveControllerHost } from 'lit';
import type { DeliveryController } from './delivery/delivery-controller.js';
import type { DeviceStorageController } from './delivery/device-storage-controller.js';
import { DeviceKeys, randomKey } from './delivery/device-storage.js';
import type { MutualEnvelope, MutualEventType } from './protocol/envelope.js';
import { findIdentifiers, type IdentifierKind } from './protocol/identity.js';
import { onDemand } from './on-demand.js';
import type { LocaleController } from './locale-controller.js';
import type { DeliveryState } from './delivery/transport.js';
import { waitingWord } from './delivery/waiting.js';

/**
 * The crisis-language tables (≈ 2 KB, three languages) load when a member first writes, not with
 * every element that could take words. While they load, nothing is shown (no help lines flashing
 * in and out); if they cannot load (offline), help lines show for any text — we would rather show
 * them needlessly than miss someone. A failed load is tried again on the next keystroke.
 */
let crisisCheck: ((...texts: string[]) => boolean) | undefined;
let crisisUnavailable = false;
/** Ids of acknowledged texts kept for "Forget me": the newest this many (a moderator decides long before). */
const MAX_SENT = 100;

const loadCrisisLanguage = onDemand(() => import('./protocol/crisis-language.js'));
/** Settles once the tables are here, or once they could not load (`crisisUnavailable`). */
function loadCrisisCheck(): Promise<unknown> {
  return loadCrisisLanguage().then(
    (m) => ((crisisCheck = m.suggestsCrisis), (crisisUnavailable = false)),
    () => (crisisUnavailable = true),
  );
}

/** Where a draft's last send stands: nothing sent (`idle`), `sending`, or what delivery said. */
export type DraftState = 'idle' | 'sending' | DeliveryState;

export interface ComposerOptions<T extends object> {
  delivery: DeliveryController;
  storage: DeviceStorageController;
  i18n: LocaleController;
  empty: T;
  /** The member's own words in a value, by field id: what the limit, the identity nudge and the crisis hook read. */
  texts: (value: T) => Record<string, string>;
  /** Longest text per field, in characters. */
  limit: () => number;
  /** The element's message prefix for the status and draft lines (`story` → `story-card.sent`, `story-card.draft-kept`). */
  messages: string;
  /** Moves focus after the next render: to `#nudge-text` when the nudge appears, to the field on Edit. */
  focus: (selector: string) => void;
  /** Told of each delivery change of the draft's current version, after the draft is updated. */
  onState?: (state: DraftState) => void;
  /**
   * Peers will read what it sends (a story, a response, an encouragement, a tip): each send carries
   * a fresh author key (`data.authorKey`) that only this device keeps (`DeviceKeys.authorKey`), so
   * the member can take the text back or down later.
   */
  forPeers?: boolean;
}

/**
 * Everything a member writes goes through one of these (a reply to a story, a check-in, a
 * give-back, a story): the draft is kept on the device (memory only under `no-trace`) until the
 * endpoint acknowledges the event that carries it, so a reload, a crash or a lost connection never
 * loses their words; the length limit; the gentle identity nudge (never blocking: Edit or Send
 * anyway); the crisis-language hook; and the delivery status, said truthfully.
 *
 * - `set()` on every change stores it (an empty draft is removed);
 * - `send()` marks it with the event's id; it stays stored until delivery says `sent`;
 *   `failed` (refused for good) keeps it as an ordinary, editable draft;
 * - `load()` after a reload restores it and, when it was sent but not yet acknowledged, follows
 *   that event again (`state` is then `queued`).
 */
export class ComposerController<T extends object> {
  #value: T;
  /** What the identity check found in the text about to be sent; the writer chooses Edit or Send anyway. */
  nudge: IdentifierKind[] = [];
  #current: DraftState = 'idle';
  #key?: string;
  #pendingId?: string;
  #nudgeField = '';
  #nudgeAccepted = '';
  #onAnyway?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ComposerOptions<T>,
  ) {
    this.#value = options.empty;
  }

  /** What the fields show. Changed by `set()` (kept on the device) or `show()` (not kept). */
  get value(): T {
    return this.#value;
  }

  /** Where the draft's delivery stands. */
  get state(): DraftState {
    return this.#current;
  }

  #setState(state: DraftState): void {
    this.#current = state;
    this.host.requestUpdate();
  }

  /** Shows `value` in the fields without keeping it on the device: a suggestion, or empty fields after a send. */
  show(value: T): void {
    this.#value = value;
    this.host.requestUpdate();
  }

  /** The member has seen how the last send went (sent, or refused): the status line goes. */
  resetStatus(): void {
    this.#setState('idle');
  }

  /** The localized delivery status line ('' before anything was sent). */
  get status(): string {
    // Waiting while the device is online is not "offline"; the console names the fix for the developer.
    const state = this.#current === 'queued' ? waitingWord() : this.#current;
    return state === 'idle' ? '' : this.options.i18n.t(`${this.options.messages}.${state}`);
  }

  /** The localized note on where the draft is kept (this device, memory only, or nowhere). */
  get keeping(): string {
    return this.options.i18n.t(`${this.options.messages}.draft-${this.options.storage.keeping}`);
  }

  get limit(): number {
    return this.options.limit();
  }

  /** Characters over the limit in one field (0 or less when it fits). */
  overBy(field: string): number {
    return (this.options.texts(this.#value)[field] ?? '').length - this.limit;
  }

  /** The first field over the limit, if any. */
  get overField(): string | undefined {
    return Object.keys(this.options.texts(this.#value)).find((field) => this.overBy(field) > 0);
  }

  /** The draft's words suggest a crisis (the crisis-language hook: the element shows help lines, never blocks). */
  get crisis(): boolean {
    const texts = Object.values(this.options.texts(this.#value));
    if (crisisCheck) return crisisCheck(...texts);
    if (!texts.some((t) => t.trim())) return false;
    void loadCrisisCheck().then(() => this.host.requestUpdate());
    return crisisUnavailable;
  }

  /**
   * The same, once the words can be checked (true when they cannot): for a decision that stays,
   * such as help lines kept after sending.
   */
  async crisisChecked(): Promise<boolean> {
    if (!crisisCheck) await loadCrisisCheck();
    return this.crisis;
  }

  /** The id of the version on its way (sent, not yet acknowledged), if any. */
  get pendingId(): string | undefined {
    return this.#pendingId;
  }

  /** Restores the draft kept under `key` (none without a key). Returns true when it is still on its way. */
  load(key: string | undefined): boolean {
    this.#key = key;
    const { pendingId, ...saved } = (key && this.options.storage.recall<T & { pendingId?: string }>(key)) || {};
    this.#value = { ...this.options.empty, ...saved };
    this.#pendingId = pendingId;
    this.nudge = [];
    this.#setState('idle');
    if (!pendingId) return false;
    this.#setState('queued');
    this.options.delivery.watch(pendingId, (s) => this.#delivered(pendingId, s));
    return true;
  }

  /** The writer changed it: stored at once; no longer the version that was sent. */
  set(value: T): void {
    this.#value = value;
    this.#pendingId = undefined;
    this.nudge = [];
    if (this.state !== 'sending') this.#setState('idle');
    this.#store();
    this.host.requestUpdate();
  }

  /** Empties it and removes it from the device. */
  clear(): void {
    this.#value = this.options.empty;
    this.#pendingId = undefined;
    this.nudge = [];
    this.#setState('idle');
    this.#store();
  }

  /**
   * Before the words leave the device: anything that could identify someone shows the nudge
   * (focus moves to it) and returns true; `send` runs on Send anyway. False: go ahead.
   */
  nudged(send: () => void): boolean {
    const texts = this.options.texts(this.#value);
    const joined = Object.values(texts).join('\n');
    const kinds = findIdentifiers(joined);
    if (!kinds.length || this.#nudgeAccepted === joined) {
      this.nudge = [];
      return false;
    }
    this.nudge = kinds;
    this.#nudgeField = Object.keys(texts).find((field) => findIdentifiers(texts[field]).length) ?? '';
    this.#onAnyway = () => {
      this.#nudgeAccepted = joined;
      send();
    };
    this.host.requestUpdate();
    this.options.focus('#nudge-text');
    return true;
  }

  /** Edit: the nudge goes, focus returns to the field where it was found. */
  edit(): void {
    this.nudge = [];
    this.host.requestUpdate();
    this.options.focus(`#${this.#nudgeField}`);
  }

  /** Send anyway: the writer decided; this very text is not questioned again. */
  sendAnyway(): void {
    this.nudge = [];
    this.#onAnyway?.();
  }

  /** Sends `data` as a `type` event; the draft is kept until the endpoint acknowledges it. */
  send(
    type: MutualEventType,
    data: Record<string, unknown>,
    subject: string | null | undefined,
  ): MutualEnvelope | null {
    this.#setState('sending');
    let id = '';
    const authorKey = this.options.forPeers ? randomKey() : undefined;
    const envelope = this.options.delivery.send(type, authorKey ? { ...data, authorKey } : data, {
      subject,
      onState: (s) => this.#delivered(id, s),
    });
    if (!envelope) {
      this.#setState('idle');
      return null;
    }
    if (authorKey) this.options.storage.remember(DeviceKeys.authorKey(envelope.id), authorKey);
    id = this.#pendingId = envelope.id;
    this.#store();
    return envelope;
  }

  #delivered(id: string, state: DeliveryState): void {
    // Edited since it was sent: that version still goes out, but the draft on screen is newer.
    if (id !== this.#pendingId) return;
    this.#setState(state);
    if (state !== 'queued') {
      this.#pendingId = undefined;
      // Acknowledged: nothing to keep on the device but its id, for "Forget me". Refused: keep it
      // as an ordinary draft.
      this.#store(state === 'sent');
      if (state === 'sent') {
        const kept = this.options.storage.recall<unknown>(DeviceKeys.mySent());
        const sent = Array.isArray(kept) ? kept.filter((x) => x !== id) : [];
        this.options.storage.remember(DeviceKeys.mySent(), [...sent, id].slice(-MAX_SENT));
      }
    }
    this.options.onState?.(state);
  }

  #store(remove = false): void {
    if (!this.#key) return;
    const empty = remove || JSON.stringify(this.#value) === JSON.stringify(this.options.empty);
    this.options.storage.remember(
      this.#key,
      empty ? undefined : { ...this.#value, ...(this.#pendingId && { pendingId: this.#pendingId }) },
    );
  }
}
