import { html, nothing, type PropertyValues } from 'lit';
import { NestedProvider } from '../core/nested-provider.js';
import { checkedLimit, checkIdLength, commaList } from '../core/config.js';
import { EventTypes, Limits } from '../core/protocol/envelope.js';
import { renderNudge } from '../core/ui/nudge.js';
import type { MessageKey } from '../locales/index.js';
import { MutualElement } from '../internal/mutual-element.js';
import { formStyles } from '../core/ui/form-styles.js';
import { panelStyles } from '../core/ui/panel-styles.js';
import { warner } from '../core/warn.js';
import { ComposerController } from '../core/composer-controller.js';
import { headingLevel } from '../core/ui/heading.js';
import { MutualCrisisResources } from '../crisis-resources/crisis-resources.js';
import { checkInStyles } from './check-in.styles.js';
import { formValue, renderForm, type Draft } from './form.js';
import { renderAfterSend } from './after-send.js';
import checkInMessages from './check-in.messages.js';
import nudgeMessages from '../core/ui/nudge.messages.js';
import { DeviceKeys } from '../core/delivery/device-storage.js';
import { onDemand } from '../core/on-demand.js';
import type { GiveBack } from './check-in.give-back.js';

const warn = warner(() => import('./check-in.warnings.js'));
/** The give-back step: a part of its own, loaded when a member first touches a check-in, or one sent before a reload. */
const loadGiveBack = onDemand(
  () => import('./check-in.give-back.js'),
  (m) => (m.register(MutualCheckIn.messages), m),
);

const KNOWN_TOPICS = ['sleep', 'cravings', 'work', 'family', 'loneliness', 'health'];

const EMPTY: Draft = { mood: 0, hard: '', helped: '', topics: [] };

/**
 * @tag mutual-check-in
 * @summary A reciprocal check-in: how are you, what's been hard, what's helped — then an
 * invitation to give something back to peers. Shows crisis resources, gently, when needed.
 * Form-associated: inside a host `<form>` its value is submitted with the form. An encouragement
 * or tip given back can be taken back at once ("Take it back", asked first).
 *
 * @csspart base - The form.
 * @csspart moods - The mood radio group.
 * @csspart topics - The topic chips.
 * @csspart actions - Button rows.
 * @csspart status - The delivery status line.
 * @cssprop --mutual-check-in-background - Background (default `--mutual-color-surface`).
 * @fires change - The value changed (mood, texts or topics).
 * @fires mutual-event - Before an event is sent; cancelable.
 */
export class MutualCheckIn extends MutualElement {
  static formAssociated = true;
  static override messages = { ...checkInMessages, ...nudgeMessages };
  static override styles = [...MutualElement.styles, formStyles, panelStyles, checkInStyles];
  static override handDown = NestedProvider;
  static override dependencies = { 'mutual-crisis-resources': MutualCrisisResources };

  static override properties = {
    checkInId: { attribute: 'check-in-id' },
    topics: {},
    peerMessages: { attribute: 'peer-messages' },
    participant: {},
    limit: { type: Number },
    name: {},
    required: { type: Boolean },
    headingLevel: { type: Number, attribute: 'heading-level' },
    region: {},
    step: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    crisisKept: { state: true, attribute: false },
    lastHard: { state: true, attribute: false },
    gave: { state: true, attribute: false },
    giveBackUnavailable: { state: true, attribute: false },
  };

  /** Identifies this check-in form (drafts are kept per id; events use it as `subject`). */
  checkInId = 'check-in';
  /** Comma list of topic chips: built-ins `sleep, cravings, work, family, loneliness, health`, or your own words. */
  topics?: string;
  /**
   * JSON list of short encouragements from other peers; one is shown after checking in. Without it,
   * recent encouragements are fetched from the endpoint (`GET ?peer-messages=`).
   */
  peerMessages?: string;
  /** Your own pseudonymous id for continuity; without it nothing identifies the person. */
  participant?: string;
  /** Longest text per field, in characters. */
  limit = 1000;
  /** Form field name inside a host `<form>` (fields are submitted as `name-mood`, `name-hard`, …). */
  name = 'check-in';
  /** Inside a host `<form>`: a mood must be chosen before the form submits. */
  required = false;
  /** Level of the check-in's headings (2–6), to fit the host page's outline; its help lines sit one below. */
  headingLevel = 2;
  /** Region for crisis help lines, as an ISO 3166 code (`GB`, `MX`); else the provider's, else the locale's. */
  region?: string;

  /** What is being written; kept on the device until the endpoint acknowledges the check-in. */
  readonly #entry = this.#composer<Draft>(EMPTY, (value) => ({ hard: value.hard, helped: value.helped }));
  /** The give-back step's two texts, each kept until acknowledged too. */
  readonly #encouragement = this.#composer({ text: '' }, (value) => ({ encourage: value.text }), 280, true);
  readonly #tip = this.#composer({ text: '' }, (value) => ({ tip: value.text }), undefined, true);
  private step: 'form' | 'give' | 'done' = 'form';
  private errors: { mood?: boolean; hard?: number; helped?: number } = {};
  readonly #internals = this.attachInternals();
  #crisisSent = false;
  /** The help lines that were on screen when the check-in was sent stay on every later step. */
  private crisisKept = false;
  /** The give-back step ended with something given, or with the member passing. */
  private gave = false;
  /** The give-back part could not load (offline before it ever did). */
  private giveBackUnavailable = false;
  /** The give-back step's encouragement from a peer, stories offered and "Take it back", once its part is here. */
  #giveBack?: GiveBack;
  /** Runs `then` once the give-back part is here (at once when it is). */
  #withGiveBack(then: (giveBack: GiveBack) => void = () => undefined): void {
    loadGiveBack().then(
      (m) => {
        then(
          (this.#giveBack ??= new m.GiveBack(this, {
            peerMessage: {
              delivery: this.sender,
              given: () => this.peerMessages,
              failed: (error) => warn('peer-messages', { error: error.message }, this),
            },
            peerStories: { delivery: this.sender, label: (topic) => this.#topicLabel(topic) },
            takeBack: { sender: this.sender, storage: this.storage, focus: (s) => this.focusAfterUpdate(s) },
            encouragement: this.#encouragement,
            tip: this.#tip,
            subject: () => this.checkInId,
            focus: (s) => this.focusAfterUpdate(s),
            finished: (gave) => ((this.gave = gave), (this.step = 'done'), this.focusAfterUpdate('#done')),
          })),
        );
        this.giveBackUnavailable = false;
        this.requestUpdate();
      },
      () => {
        // Offline before the part ever came: a new check-in can still start, and the step comes back with the connection.
        this.giveBackUnavailable = true;
        addEventListener('online', () => this.#withGiveBack(then), { once: true });
      },
    );
  }
  /** The last check-in on this device was hard: this one opens by saying so, gently, once. */
  private lastHard = false;

  /** `forPeers`: what it sends is for peers to read (see `ComposerOptions.forPeers`); the check-in itself is private. */
  #composer<T extends object>(empty: T, texts: (value: T) => Record<string, string>, limit?: number, forPeers = false) {
    return new ComposerController<T>(this, {
      delivery: this.sender,
      storage: this.storage,
      i18n: this.i18n,
      empty,
      texts,
      limit: () => limit ?? this.limit,
      messages: 'check-in',
      focus: (selector) => this.focusAfterUpdate(selector),
      forPeers,
    });
  }

  get #draft(): Draft {
    return this.#entry.value;
  }

  /** The host `<form>` this check-in belongs to, if any: then the form submits it and no events are sent. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit')) this.limit = checkedLimit(this, 'limit', this.limit);
    if (changed.has('checkInId')) checkIdLength(this, 'check-in-id', this.checkInId);
    if (!this.hasUpdated || changed.has('checkInId')) {
      if (this.#entry.load(DeviceKeys.draft('checkin', this.checkInId))) {
        this.step = 'give';
        this.#withGiveBack();
        this.#keepCrisis();
      }
      // Said once, when a fresh form opens: a check-in still on its way keeps it for the next one.
      const hard = DeviceKeys.lastHard(this.checkInId);
      this.lastHard = this.step === 'form' && !!this.storage.recall<boolean>(hard);
      if (this.lastHard) this.storage.remember(hard, undefined);
      this.#encouragement.load(DeviceKeys.draft('encourage', this.checkInId));
      this.#tip.load(DeviceKeys.draft('tip', this.checkInId));
    }
    if (this.#draft !== this.#syncedDraft || changed.has('required')) this.#syncForm();
  }

  protected override updated(): void {
    if (this.#crisisVisible && !this.#crisisSent && !this.form) {
      this.#crisisSent = true;
      this.sender.send(
        EventTypes.checkinCrisisShown,
        { trigger: this.#draft.mood === 1 ? 'mood' : 'text' },
        { subject: this.checkInId },
      );
    }
  }

  get #crisisInDraft(): boolean {
    return this.#draft.mood === 1 || this.#entry.crisis;
  }

  /** Help lines that stay with the give-back step: shown now, or as soon as the words are checked. */
  #keepCrisis(): void {
    this.crisisKept = this.#crisisInDraft;
    void this.#entry.crisisChecked().then((crisis) => this.step !== 'form' && (this.crisisKept ||= crisis));
  }

  get #crisisVisible(): boolean {
    return this.step === 'form' ? this.#crisisInDraft : this.crisisKept;
  }

  #syncedDraft?: Draft;
  #syncForm(): void {
    this.#syncedDraft = this.#draft;
    this.#internals.setFormValue(formValue(this.name, this.#draft));
    const anchor = this.renderRoot?.querySelector?.('input[name="mood"]') as HTMLElement | null;
    if (this.required && !this.#draft.mood)
      this.#internals.setValidity({ valueMissing: true }, this.i18n.t('check-in.mood-required'), anchor ?? undefined);
    else this.#internals.setValidity({});
  }

  formResetCallback(): void {
    this.clear();
  }

  private update$(patch: Partial<Draft>): void {
    this.#entry.set({ ...this.#draft, ...patch });
    this.errors = {};
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Empties the form and removes the draft from the device. */
  clear(): void {
    for (const composer of [this.#entry, this.#encouragement, this.#tip]) composer.clear();
    this.errors = {};
    this.step = 'form';
    this.#crisisSent = false;
    this.crisisKept = false;
    this.gave = false;
    this.#giveBack?.reset();
  }

  /** "Check in again": a fresh form, focus on its heading. */
  #again(): void {
    this.clear();
    this.focusAfterUpdate('#title');
  }

  #submit(e: Event): void {
    e.preventDefault();
    this.#send();
  }

  #send(): void {
    const { mood, hard, helped, topics } = this.#draft;
    this.errors = { mood: !mood, hard: this.#overBy('hard'), helped: this.#overBy('helped') };
    if (!mood) return this.focusAfterUpdate('input[name="mood"]');
    const over = this.#entry.overField;
    if (over) return this.focusAfterUpdate(`#${over}`);
    if (this.#entry.nudged(() => this.#send())) return;
    const data: Record<string, unknown> = { mood, topics, hard: hard.trim(), helped: helped.trim() };
    if (this.participant) data.participant = this.participant;
    this.#entry.send(EventTypes.checkinSubmitted, data, this.checkInId);
    this.lastHard = false;
    this.storage.remember(DeviceKeys.lastHard(this.checkInId), mood <= 2 || undefined);
    this.#withGiveBack((g) => void (g.peerMessage.choose(), g.peerStories.offer(topics)));
    this.#keepCrisis();
    // What helped may be worth sharing as a tip: offered, never sent without consent.
    if (!this.#tip.value.text) this.#tip.show({ text: helped });
    this.step = 'give';
    this.focusAfterUpdate('#thanks');
  }

  #overBy(field: 'hard' | 'helped'): number | undefined {
    const over = this.#entry.overBy(field);
    return over > 0 ? over : undefined;
  }

  /** After a refused send: back to the form, with everything as it was written. */
  #backToForm(): void {
    this.step = 'form';
    this.#entry.resetStatus();
    this.focusAfterUpdate('#title');
  }

  /** A topic as the member sees it: ours translated, the host's own (`written`) as written. */
  #topicLabel(key: string, written = key): string {
    return KNOWN_TOPICS.includes(key) ? this.#t(`check-in.topic.${key}` as MessageKey) : written;
  }

  #t(key: MessageKey, params?: Record<string, string | number>): string {
    return this.i18n.t(key, params);
  }

  /** The topic chips; at most as many as an event may carry, each short enough to be accepted. */
  get #offeredTopics(): string[] {
    const all = commaList(this.topics).map((topic) => topic.slice(0, Limits.listItemLength));
    if (all.length > Limits.listItems) warn('topics', { count: all.length, max: Limits.listItems }, this);
    return all.slice(0, Limits.listItems);
  }

  #renderForm() {
    return renderForm({
      t: this.#t.bind(this),
      locale: this.i18n.locale,
      level: this.#level,
      draft: this.#draft,
      errors: this.errors,
      limit: this.limit,
      topics: this.#offeredTopics.map((topic) => {
        const key = topic.toLowerCase();
        return { key, label: this.#topicLabel(key, topic) };
      }),
      lastHard: this.lastHard,
      inForm: !!this.form,
      crisis: this.#renderCrisis(),
      nudge: renderNudge(this.#entry, this.i18n.t.bind(this.i18n)),
      keeping: this.#entry.keeping,
      change: (patch) => this.update$(patch),
      toggleTopic: (key) => {
        const { topics } = this.#draft;
        this.update$({ topics: topics.includes(key) ? topics.filter((x) => x !== key) : [...topics, key] });
      },
      submit: (e) => this.#submit(e),
      clear: () => this.clear(),
      dismissLastHard: () => ((this.lastHard = false), this.focusAfterUpdate('input[name="mood"]')),
    });
  }

  get #level(): number {
    return headingLevel(this, this.headingLevel, 2);
  }

  /** Help lines, one heading level below the check-in's. */
  #renderCrisis() {
    return this.#crisisVisible
      ? html`<mutual-crisis-resources role="region" heading-level=${Math.min(6, this.#level + 1)}></mutual-crisis-resources>`
      : nothing;
  }

  #renderAfter() {
    const t = this.i18n.t.bind(this.i18n);
    const done = this.step === 'done';
    const giveBack = this.#giveBack;
    const again = () => this.#again();
    return renderAfterSend({
      t,
      level: this.#level,
      done,
      gave: this.gave,
      entry: this.#entry,
      crisis: this.#renderCrisis(),
      back: () => this.#backToForm(),
      unavailable: this.giveBackUnavailable,
      again,
      rest: giveBack
        ? giveBack.render({ t, locale: this.i18n.locale, level: this.#level, done, gentle: this.crisisKept, again })
        : nothing,
    });
  }

  protected override render() {
    return html`<div dir=${this.i18n.dir} lang=${this.i18n.lang}>${this.step === 'form' ? this.#renderForm() : this.#renderAfter()}</div>`;
  }

  constructor() {
    super();
    // A member who touches the check-in may send it: the give-back step comes while they write.
    const preload = () => this.#withGiveBack();
    this.addEventListener('pointerdown', preload, { once: true });
    this.addEventListener('focusin', preload, { once: true });
  }
}
