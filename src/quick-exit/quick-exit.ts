import { ContextEvent } from '@lit/context';
import { html, nothing } from 'lit';
import { MutualElement } from '../internal/mutual-element.js';
import type { MessageKey } from '../locales/index.js';
import { forgetDevice } from '../core/delivery/device-footprint.js';
import { handOffAll } from '../core/delivery/delivery-controller.js';
import { warner } from '../core/warn.js';
import quickExitMessages from './quick-exit.messages.js';
import { quickExitStyles } from './quick-exit.styles.js';

const warn = warner(() => import('./quick-exit.warnings.js'));

/** An open dialog or popover takes the Escape that is on its way to it. */
function isOpen(node: HTMLElement): boolean {
  if (node instanceof HTMLDialogElement) return node.open;
  try {
    return node.matches(':popover-open');
  } catch {
    return false; // no popover support
  }
}

/** Whether nothing in `<body>` comes before `el` (say, a framework rendered it first in its root). */
function leadsBody(el: Element): boolean {
  for (let node = el; node !== document.body; node = node.parentElement!)
    if (!node.parentElement || node.previousElementSibling) return false;
  return true;
}

const POSITIONS = ['top-end', 'top-start', 'bottom-end', 'bottom-start'];
const KEYS = ['shift', 'escape', 'none'];
/** GOV.UK's Exit this page: three presses of Shift, each within 5 s of the last. */
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;
const DEFAULT_HREF = 'https://www.google.com/search?q=weather';

/**
 * @tag mutual-quick-exit
 * @summary A clearly visible "Leave this site" button for people who may be watched: it replaces
 * the page with a neutral site (Back does not return). By keyboard, Shift pressed 3 times (each
 * within 5 seconds of the last) leaves too, as GOV.UK's researched "Exit this page" does; a polite
 * status says how many presses are left, and when time ran out. `keys="escape"` uses Escape pressed
 * twice instead. It moves itself to the start of `<body>` so it is first in the tab order (unless
 * nothing comes before it already), and still takes its settings from where it was placed (a
 * provider's locale). On narrow screens it is a full-width bar at the top that takes its own
 * space, so it never covers what a member taps.
 *
 * Leaving hides the page at once behind a plain overlay; coming back through the browser's
 * back/forward cache shows the page again, reset.
 *
 * Leaving leaves nothing behind: unsent events are handed to the browser's exit delivery, then
 * everything Mutual keeps on the device is removed (drafts, the outbox, remembered reactions,
 * reveal and topic choices), unless `keep-data` is set. An Escape that closed a dialog or a
 * popover, or that a widget or the page handled (`preventDefault()`), does not count.
 *
 * @csspart button - The button.
 * @csspart overlay - What covers the page while it is left.
 * @cssprop --mutual-quick-exit-background - Button background (default `--mutual-color-accent`).
 */
export class MutualQuickExit extends MutualElement {
  static override messages = quickExitMessages;
  static override styles = [...MutualElement.styles, quickExitStyles];

  static override properties = {
    href: {},
    position: { reflect: true },
    keepData: { type: Boolean, attribute: 'keep-data' },
    keys: {},
    status: { state: true, attribute: false },
  };

  /** The neutral site to go to. Must be http(s). */
  href: string = DEFAULT_HREF;
  /** Where the button sits: `top-end` (default), `top-start`, `bottom-end`, `bottom-start`. */
  position = 'top-end';
  /** Keep Mutual's data on the device when leaving (by default, quick exit removes it). */
  keepData = false;
  /**
   * The keyboard way out: `shift` (default: Shift 3 times, GOV.UK's pattern, which clashes with
   * no dialog or screen reader), `escape` (Escape twice within a second, for members who know it),
   * or `none`.
   */
  keys = 'shift';

  /** What the polite status says: presses left, or that time ran out. */
  private status: '' | 'two-more' | 'one-more' | 'expired' = '';
  #lastEscape = -Infinity;
  #presses = 0;
  /** The last key released was pressed with Shift held (Shift+A): the next Shift is a modifier, not a press. */
  #modified = false;
  #expiry?: ReturnType<typeof setTimeout>;
  /** Where the page put it, before it moved itself: its settings (a provider's locale, say) come from there. */
  #origin?: ParentNode;

  constructor() {
    super();
    // Its requests for the provider's settings, made from the start of <body>, are asked where it
    // was placed — inside `<mutual-provider locale="es">` it speaks Spanish, and follows a switch.
    this.addEventListener('context-request', (e) => {
      const origin = this.#origin;
      if (e.target !== this || !origin?.isConnected) return;
      e.stopImmediatePropagation();
      origin.dispatchEvent(new ContextEvent(e.context, this, e.callback, e.subscribe));
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved only when something would come before it: a framework that rendered it first in its
    // own root keeps the node where it put it (and can remove it again).
    if (document.body && !leadsBody(this)) {
      this.#origin = this.parentNode ?? undefined;
      document.body.prepend(this);
    }
    document.addEventListener('keydown', this.#onKey, true);
    document.addEventListener('keyup', this.#onKeyUp, true);
    addEventListener('pageshow', this.#reset);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey, true);
    document.removeEventListener('keyup', this.#onKeyUp, true);
    removeEventListener('pageshow', this.#reset);
  }

  get #keys(): string {
    if (KEYS.includes(this.keys)) return this.keys;
    warn('keys', { value: this.keys, keys: KEYS.join(', ') }, this);
    return 'shift';
  }

  /** Back from the neutral site through the back/forward cache: the page shows again, counting from zero. */
  #reset = (): void => {
    this.removeAttribute('leaving');
    this.#presses = 0;
    clearTimeout(this.#expiry);
    this.status = '';
  };

  /** Shift released on its own counts (Shift+letter does not); any other key ends the count. */
  #onKeyUp = (e: KeyboardEvent): void => {
    if (this.#keys !== 'shift') return;
    clearTimeout(this.#expiry);
    if (e.key === 'Shift' && !this.#modified) {
      if (++this.#presses >= SHIFT_PRESSES) return this.leave();
      this.status = this.#presses === 1 ? 'two-more' : 'one-more';
      this.#expiry = setTimeout(this.#expire, SHIFT_WINDOW_MS);
    } else if (this.#presses) this.#expire();
    this.#modified = e.shiftKey;
  };

  #expire = (): void => {
    this.#presses = 0;
    this.status = 'expired';
    this.#expiry = setTimeout(() => (this.status = ''), SHIFT_WINDOW_MS);
  };

  /**
   * Seen first (capture), decided last: whether the Escape was meant for something open on its
   * way (a dialog, a popover) is read now, before it closes; whether a widget or the page handled
   * it is read once the event has been dispatched to everyone.
   */
  #onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.repeat || this.#keys !== 'escape') return;
    const aimed = e.composedPath().some((node) => node instanceof HTMLElement && isOpen(node));
    setTimeout(() => {
      if (aimed || e.defaultPrevented) {
        this.#lastEscape = -Infinity;
        return;
      }
      if (e.timeStamp - this.#lastEscape < 1000) this.leave();
      else this.#lastEscape = e.timeStamp;
    });
  };

  /** Where leaving goes: `href` when it is an http(s) URL, else the neutral default (with one warning). */
  get destination(): string {
    try {
      const url = new URL(this.href, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      /* fall through */
    }
    warn('href', { value: this.href, fallback: DEFAULT_HREF }, this);
    return DEFAULT_HREF;
  }

  /** Hands unsent events to the exit delivery, forgets the device (unless `keep-data`), and replaces this page with the neutral site. */
  leave(): void {
    const target = this.destination;
    // Hidden at once, before the next site has even started to load (the overlay is in the shadow root).
    this.toggleAttribute('leaving', true);
    clearTimeout(this.#expiry);
    this.#presses = 0;
    if (!this.keepData) {
      handOffAll();
      forgetDevice(true);
    }
    location.replace(target);
  }

  protected override render() {
    if (!POSITIONS.includes(this.position))
      warn('position', { value: this.position, positions: POSITIONS.join(', ') }, this);
    const { dir, lang } = this.i18n;
    const t = (key: MessageKey) => this.i18n.t(key);
    const keys = this.#keys;
    return html`<button type="button" part="button" dir=${dir} lang=${lang} @click=${() => this.leave()}>
        <span>${t('quick-exit.label')}</span>
        ${keys === 'none' ? nothing : html`<small>${t(keys === 'shift' ? 'quick-exit.hint' : 'quick-exit.hint-escape')}</small>`}
      </button>
      <span class="visually-hidden" role="status" dir=${dir} lang=${lang}>${this.status ? t(`quick-exit.${this.status}`) : ''}</span>
      <div part="overlay" class="overlay" role="alert" dir=${dir} lang=${lang}>${t('quick-exit.leaving')}</div>`;
  }
}
