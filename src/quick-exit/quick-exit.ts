import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { MutualElement } from '../core/mutual-element.js';
import { warnOnce } from '../core/warn.js';
import quickExitMessages from './quick-exit.messages.js';

const POSITIONS = ['top-end', 'top-start', 'bottom-end', 'bottom-start'];
const DEFAULT_HREF = 'https://www.google.com/search?q=weather';

/**
 * @tag mutual-quick-exit
 * @summary A clearly visible "Leave this site" button for people who may be watched: it replaces
 * the page with a neutral site (Back does not return) and also triggers on Escape pressed twice.
 * Works without the rest of Mutual and sends nothing. It moves itself to the start of `<body>`
 * so it is first in the tab order.
 *
 * @csspart button - The button.
 * @cssprop --mutual-quick-exit-background - Button background (default `--mutual-color-accent`).
 */
export class MutualQuickExit extends MutualElement {
  static override messages = quickExitMessages;
  static override styles = [
    ...MutualElement.styles,
    css`
      :host {
        position: fixed;
        z-index: 2147483000;
        inset-block-start: var(--_space-s);
        inset-inline-end: var(--_space-s);
      }
      :host([position='top-start']) {
        inset-inline: var(--_space-s) auto;
      }
      :host([position^='bottom']) {
        inset-block: auto var(--_space-s);
      }
      :host([position='bottom-start']) {
        inset-inline: var(--_space-s) auto;
      }
      [part='button'] {
        display: grid;
        padding: var(--_space-s) var(--_space-m);
        border: 2px solid var(--_color-on-accent);
        border-radius: var(--_radius-s);
        background: var(--mutual-quick-exit-background, var(--_color-accent));
        color: var(--_color-on-accent);
        font-weight: 700;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.25);
      }
      small {
        font-weight: 400;
      }
      @media (forced-colors: active) {
        [part='button'] {
          border-color: ButtonText;
        }
      }
    `,
  ];

  /** The neutral site to go to. Must be http(s). */
  @property() href = DEFAULT_HREF;
  /** Where the button sits: `top-end` (default), `top-start`, `bottom-end`, `bottom-start`. */
  @property({ reflect: true }) position = 'top-end';

  private lastEscape = -Infinity;

  override connectedCallback(): void {
    super.connectedCallback();
    if (document.body && document.body.firstElementChild !== this) document.body.prepend(this);
    document.addEventListener('keydown', this.onKey, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey, true);
  }

  private onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return;
    if (e.timeStamp - this.lastEscape < 1000) this.leave();
    this.lastEscape = e.timeStamp;
  };

  private target(): string {
    try {
      const url = new URL(this.href, document.baseURI);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      /* fall through */
    }
    warnOnce('href', `<mutual-quick-exit>: href="${this.href}" is not an http(s) URL; using ${DEFAULT_HREF}.`, this);
    return DEFAULT_HREF;
  }

  /** Replaces this page in history with the neutral site. */
  leave(): void {
    location.replace(this.target());
  }

  protected override render() {
    if (!POSITIONS.includes(this.position)) warnOnce('position', `<mutual-quick-exit>: position="${this.position}" is not one of ${POSITIONS.join(', ')}.`, this);
    return html`<button type="button" part="button" dir=${this.mutual.dir} lang=${this.mutual.lang} @click=${() => this.leave()}>
      <span>${this.mutual.t('quick-exit.label')}</span>
      <small>${this.mutual.t('quick-exit.hint')}</small>
    </button>`;
  }
}
