import { html, nothing, type PropertyValues } from 'lit';
import { parseJsonAttribute } from '../core/config.js';
import { EventTypes, Limits } from '../core/protocol/envelope.js';
import { MutualReactionEvent } from '../core/events.js';
import { formatCount } from '../core/i18n/index.js';
import { renderedByServer } from '../internal/hydration.js';
import { MutualElement } from '../internal/mutual-element.js';
import { warnAbout, warner } from '../core/warn.js';
import { meTooStyles } from './me-too.styles.js';
import { DEFAULT_REACTIONS, parseReactions, type ReactionDef } from './reactions.js';
import meTooMessages from './me-too.messages.js';
import { DeviceKeys, randomKey, STORAGE_PREFIX } from '../core/delivery/device-storage.js';
import { getCounts } from '../core/delivery/counts.js';

const warn = warner(() => import('./me-too.warnings.js'));

/**
 * What this device has pressed (`active`), what it has sent or committed to send (`sent`), and
 * what the endpoint acknowledged (`acked`: its counts include these).
 */
interface Remembered {
  active: string[];
  sent: string[];
  acked?: string[];
  /**
   * This device's anonymous key for this subject (`data.reactor`): random, drawn once per subject,
   * so the endpoint counts each reader once and no one can link their reactions across subjects.
   */
  reactor?: string;
}

/**
 * What to send before the page goes away. One pair of page listeners for every bar: a page may
 * hold hundreds, and each listener added to `window` or `document` is checked against those already there.
 */
const leaving = new Set<() => void>();
/** The bars on the page: another tab pressing or unpressing on this device re-reads theirs. */
const bars = new Set<MutualMeToo>();
const onStorage = (e: StorageEvent) =>
  bars.forEach((bar) => e.key === STORAGE_PREFIX + DeviceKeys.reactions(bar.subject!) && bar.requestUpdate('subject'));
function track(bar: MutualMeToo, on: boolean): void {
  if (on && !bars.size) addEventListener('storage', onStorage);
  bars[on ? 'add' : 'delete'](bar);
  if (!bars.size) removeEventListener('storage', onStorage);
}

/** A remembered entry as storage gave it back: anything damaged is set aside, not thrown on. */
function validRemembered(value: unknown): Remembered | undefined {
  const list = (v: unknown) => Array.isArray(v) && v.every((n) => typeof n === 'string');
  const r = value as Remembered | null;
  return r && list(r.active) && list(r.sent) && list(r.acked ?? []) && typeof (r.reactor ?? '') === 'string'
    ? r
    : undefined;
}
const leave = () => leaving.forEach((commit) => commit());
function onPageLeave(commit: () => void, on = true): void {
  if (on && !leaving.size) {
    addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', leave);
  }
  leaving[on ? 'add' : 'delete'](commit);
}

/**
 * @tag mutual-me-too
 * @summary A "me too" reaction bar: let someone know you've been there too, and see that others have.
 * There are no negative reactions, by design.
 *
 * @csspart base - The toolbar (or, when `readonly`, the list).
 * @csspart button - Each reaction toggle button; `button pressed` when pressed.
 * @csspart icon - A reaction's icon.
 * @csspart label - A reaction's visible name.
 * @csspart count - A reaction's count.
 * @csspart note - The note shown when reactions are unavailable.
 *
 * @cssprop --mutual-me-too-gap - Space between reactions.
 * @cssprop --mutual-me-too-pressed-background - Background of a pressed reaction (default `--mutual-color-accent-soft`).
 * @cssprop --mutual-me-too-pressed-border - Border of a pressed reaction (default `--mutual-color-accent`).
 *
 * @fires mutual-reaction - A reaction was pressed; cancelable. `detail`: `{ subject, reaction, active, count }`.
 * @fires mutual-event - Before an event is sent; cancelable. `detail`: the CloudEvents envelope.
 * @fires mutual-send-error - The endpoint refused an event for good.
 */
export class MutualMeToo extends MutualElement {
  static override messages = meTooMessages;
  static override styles = [...MutualElement.styles, meTooStyles];

  static override properties = {
    subject: { reflect: true },
    reactions: {},
    counts: {},
    hideCountsBelow: { type: Number, attribute: 'hide-counts-below' },
    countsFresh: { type: Boolean, attribute: 'counts-fresh' },
    single: { type: Boolean },
    readonly: { type: Boolean },
    layout: { reflect: true },
    settleMs: { type: Number, attribute: false },
    base: { state: true, attribute: false },
    remembered: { state: true, attribute: false },
    focusIndex: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** What the reactions are about, e.g. a story id. Required. */
  subject?: string;
  /** Comma list of reactions: built-ins `me-too, understand, strength, helped`, or your own as `name:Label`. */
  reactions: string = DEFAULT_REACTIONS;
  /** Initial counts as JSON (`{"me-too": 12}`), for server-rendered pages; `hidden` shows no numbers at all. */
  counts?: string;
  /** Counts under this number read "A few people" instead of a number. */
  hideCountsBelow = 0;
  /** The `counts` given are current (a feed's answer carried them): no request for them. */
  countsFresh = false;
  /** At most one reaction at a time; choosing another moves it. */
  single = false;
  /** Show counts without buttons (e.g. in an archive). */
  readonly = false;
  /** `full` (icon, name, count) or `compact` (icon and count; the name on hover and focus). */
  layout: 'full' | 'compact' = 'full';

  /** Milliseconds a reaction must stay put before it is sent, so rapid toggling sends only the final state. */
  settleMs = 600;

  private base: Record<string, number> | null = null;
  private remembered: Remembered = { active: [], sent: [] };
  private focusIndex = 0;
  private announcement = '';
  #defs: ReactionDef[] = [];
  #commitTimer?: ReturnType<typeof setTimeout>;
  /** Reactions whose `added` event the endpoint has not acknowledged yet on this page. */
  #unconfirmed = new Set<string>();
  #fetchedFor?: string;
  /** Which of this device's reactions `base` already counts (what was acknowledged when it was read). */
  #baseHas = new Set<string>();
  /** Acknowledgements so far on this page: a count read while one arrived may or may not hold it. */
  #acks = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    onPageLeave(this.#commitNow);
    track(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#commitNow();
    onPageLeave(this.#commitNow, false);
    track(this, false);
  }

  #hydrating = false;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The device's presses, right after the render that matched the server's.
    if (this.#hydrating) this.requestUpdate();
  }

  get #acked(): string[] {
    return this.remembered.acked ?? this.remembered.sent;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#hydrating = renderedByServer(this);
    if (changed.has('reactions')) this.#defs = parseReactions(this, this.reactions);
    if (changed.has('layout') && !['full', 'compact'].includes(this.layout)) {
      warn('layout', { value: this.layout }, this);
      this.layout = 'full';
    }
    if (!this.hasUpdated || changed.has('subject')) {
      if (!this.subject) warn('subject', undefined, this);
      else if (this.subject.length > Limits.subjectLength)
        warnAbout('id-length', { tag: this.localName, attribute: 'subject', max: Limits.subjectLength }, this);
      const key = this.subject && DeviceKeys.reactions(this.subject);
      const recalled = key ? this.storage.recall<unknown>(key) : undefined;
      const remembered = validRemembered(recalled);
      if (recalled !== undefined && !remembered) warn('damaged', { subject: this.subject! }, this);
      this.remembered = remembered ?? { active: [], sent: [] };
    }
    if (changed.has('counts') && this.counts !== 'hidden') {
      const given = parseJsonAttribute<Record<string, number>>(this, 'counts', this.counts, 'object');
      if (given) [this.base, this.#baseHas] = [given, new Set(this.#acked)];
    }
    this.#fetchCounts();
  }

  /** Live counts from the endpoint (`GET ?subject=`) when there is one; a failure keeps what we have. */
  #fetchCounts(): void {
    const reader = this.sender.reader;
    const key = `${reader?.endpoint}|${this.subject}`;
    if (!reader || !this.subject || this.counts === 'hidden' || this.countsFresh || this.#fetchedFor === key) return;
    this.#fetchedFor = key;
    const [had, acks] = [new Set(this.#acked), this.#acks];
    getCounts(reader, this.subject).then(
      (counts) => {
        // Acknowledged while on the way: the answer may or may not hold it, so ask again.
        if (acks !== this.#acks) return void ((this.#fetchedFor = undefined), this.#fetchCounts());
        [this.base, this.#baseHas] = [{ ...this.base, ...counts }, had];
      },
      (error: Error) => warn('counts', { subject: this.subject!, error: error.message }, this),
    );
  }

  #isActive(name: string): boolean {
    return this.remembered.active.includes(name);
  }

  /**
   * The endpoint's count as last read, with this device's own press in it exactly once: added when
   * the count read did not hold it yet, taken out when it did and the member unpressed.
   */
  #countOf(name: string, active = this.#isActive(name)): number | null {
    if (!this.base) return null;
    const own = (active ? 1 : 0) - (this.#baseHas.has(name) ? 1 : 0);
    return Math.max(0, (this.base[name] ?? 0) + own);
  }

  #labelOf(def: ReactionDef): string {
    return def.label ?? this.i18n.t(def.labelKey!);
  }

  #countText(count: number | null): string | null {
    if (count === null || count === 0 || this.counts === 'hidden') return null;
    if (count < this.hideCountsBelow) return this.i18n.t('me-too.few');
    return formatCount(this.i18n.locale, count);
  }

  /** `count` and `text`: the reaction's count and how it reads (`#countText`), worked out once per render. */
  #accessibleName(label: string, count: number | null, text: string | null): string {
    if (!text) return this.i18n.t('me-too.name-zero', { label });
    if (count! < this.hideCountsBelow) return this.i18n.t('me-too.name-few', { label });
    return this.i18n.t('me-too.name', { label, count: count! });
  }

  #toggle(def: ReactionDef): void {
    if (!this.subject || this.readonly) return;
    const active = !this.#isActive(def.name);
    const event = new MutualReactionEvent({
      subject: this.subject,
      reaction: def.name,
      active,
      count: this.#countOf(def.name, active) ?? (active ? 1 : 0),
    });
    if (!this.dispatchEvent(event)) return;
    const others = active && this.single ? [] : this.remembered.active.filter((n) => n !== def.name);
    this.remembered = {
      ...this.remembered,
      active: active ? [...others, def.name] : others,
    };
    this.storage.remember(DeviceKeys.reactions(this.subject), this.remembered);
    const text = this.#countText(this.#countOf(def.name));
    this.announcement = text
      ? this.i18n.t('me-too.announce', { label: this.#labelOf(def), count: this.#countOf(def.name)! })
      : '';
    clearTimeout(this.#commitTimer);
    this.#commitTimer = setTimeout(this.#commitNow, this.settleMs);
  }

  /** Sends the difference between what is pressed and what the endpoint has: one event per changed reaction. */
  #commitNow = (): void => {
    clearTimeout(this.#commitTimer);
    const subject = this.subject;
    if (!subject) return;
    const { active, sent } = this.remembered;
    // Nothing changed (a bar leaving the page, say): no key is drawn and nothing is written.
    if (active.length === sent.length && active.every((n) => sent.includes(n))) return;
    const reactor = (this.remembered.reactor ??= randomKey());
    const nowSent = new Set(sent);
    for (const name of new Set([...active, ...sent])) {
      const on = active.includes(name);
      if (on === nowSent.has(name)) continue;
      // Never take back what the endpoint may yet refuse: `removed` waits for the `added` answer.
      if (!on && this.#unconfirmed.has(name)) continue;
      const type = on ? EventTypes.reactionAdded : EventTypes.reactionRemoved;
      const onState = (state: string) => state !== 'queued' && this.#answered(subject, name, on, state === 'sent');
      if (this.sender.send(type, { reaction: name, reactor }, { subject, onState })) {
        if (on) {
          nowSent.add(name);
          this.#unconfirmed.add(name);
        } else nowSent.delete(name);
      }
    }
    if (nowSent.size !== sent.length || [...nowSent].some((n) => !sent.includes(n))) {
      this.remembered = { ...this.remembered, active, sent: [...nowSent], reactor };
      this.storage.remember(DeviceKeys.reactions(subject), this.remembered);
    }
  };

  /**
   * The endpoint answered for one reaction. Accepted: a removal that waited may go now. Refused
   * for good: the button and the count return to what the endpoint has, the device forgets it,
   * and the reader is told.
   */
  #answered(subject: string, name: string, added: boolean, accepted: boolean): void {
    if (added) this.#unconfirmed.delete(name);
    if (subject !== this.subject) return;
    const { active, sent, reactor } = this.remembered;
    const acked = this.#acked;
    if (accepted) {
      this.#acks++;
      this.remembered = {
        ...this.remembered,
        acked: added ? [...new Set([...acked, name])] : acked.filter((n) => n !== name),
      };
      // Kept only where it still is: an answer arriving after "Forget me" or a quick exit writes nothing back.
      const key = DeviceKeys.reactions(subject);
      if (this.storage.recall(key) !== undefined) this.storage.remember(key, this.remembered);
      return void (added && this.#commitNow());
    }
    this.remembered = added
      ? { active: active.filter((n) => n !== name), sent: sent.filter((n) => n !== name), acked, reactor }
      : { active: [...new Set([...active, name])], sent: [...new Set([...sent, name])], acked, reactor };
    this.storage.remember(
      DeviceKeys.reactions(subject),
      this.remembered.active.length || this.remembered.sent.length ? this.remembered : undefined,
    );
    const def = this.#defs.find((d) => d.name === name);
    this.announcement = this.i18n.t('me-too.not-saved', { label: def ? this.#labelOf(def) : name });
  }

  /** One listener per bar for its buttons' clicks and focus (hundreds of bars, four buttons each). */
  #onButton(e: Event): void {
    const button = (e.target as Element).closest('button');
    const i = button ? [...button.parentElement!.children].indexOf(button) : -1;
    if (!this.#defs[i]) return;
    if (e.type === 'click') this.#toggle(this.#defs[i]);
    else this.focusIndex = i;
  }

  #onKeydown(e: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 }[e.key];
    const last = this.#defs.length - 1;
    let next: number | undefined;
    if (step !== undefined) {
      const dir = this.i18n.dir === 'rtl' && (e.key === 'ArrowRight' || e.key === 'ArrowLeft') ? -step : step;
      next = (this.focusIndex + dir + this.#defs.length) % this.#defs.length;
    } else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    if (next === undefined) return;
    e.preventDefault();
    this.focusIndex = next;
    this.focusAfterUpdate(`[role='toolbar'] > button:nth-of-type(${next + 1})`);
  }

  protected override render() {
    const { dir, lang } = this.i18n;
    if (this.readonly) {
      return html`<ul part="base" dir=${dir} lang=${lang} aria-label=${this.i18n.t('me-too.readonly')}>
        ${this.#defs.map(
          (def) =>
            html`<li class="readonly-item"><svg part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d=${def.icon} /></svg><span part="label">${this.#labelOf(def)}</span>
              <span part="count">${this.#countText(this.#countOf(def.name)) ?? ''}</span></li>`,
        )}
      </ul>`;
    }
    const disabled = !this.subject;
    // Written without whitespace between tags (the bar is flex): a page may hold hundreds of bars,
    // and every whitespace text node is one more node per bar to clone and lay out. The count keeps
    // its space inside, so the button's text reads "Me too 12", as its accessible name does.
    const buttons = this.#defs.map((def, i) => {
      // Hydrating: as the server rendered it, which saw no press of this device's (see hydration.ts).
      const pressed = !this.#hydrating && this.#isActive(def.name);
      const n = this.#hydrating ? (this.base ? (this.base[def.name] ?? 0) : null) : this.#countOf(def.name);
      const count = this.#countText(n);
      const label = this.#labelOf(def);
      return html`<button type="button" part=${pressed ? 'button pressed' : 'button'} aria-pressed=${pressed ? 'true' : 'false'} aria-label=${this.#accessibleName(label, n, count)} tabindex=${i === Math.min(this.focusIndex, this.#defs.length - 1) ? 0 : -1} ?disabled=${disabled}><svg part="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"><path d=${def.icon} /></svg><span part="label">${label}</span>${count ? html`<span part="count"> ${count}</span>` : nothing}</button>`;
    });
    const note = disabled ? html`<p part="note">${this.i18n.t('me-too.unavailable')}</p>` : nothing;
    return html`<div part="base" role="toolbar" dir=${dir} lang=${lang} aria-label=${this.i18n.t('me-too.label')} @keydown=${this.#onKeydown} @click=${this.#onButton} @focusin=${this.#onButton}>${buttons}${note}</div><span class="visually-hidden" role="status">${this.announcement}</span>`;
  }
}
