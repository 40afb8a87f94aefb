import { LitElement } from 'lit';
import { VERSION } from './define.js';
import { loadCatalog, type Messages } from './i18n/index.js';
import { renderInTurn } from './render-queue.js';
import { property } from 'lit/decorators.js';
import { MutualController, type MutualHost } from './send-controller.js';
import { baseStyles } from './styles.js';

/**
 * What every Mutual element shares: the attributes that can override the provider, the base
 * styles, and a `MutualController` for settings, strings, storage and `send()`.
 */
export class MutualElement extends LitElement implements MutualHost {
  /** Compared on registration: a second copy of Mutual with another version warns once. */
  static version = VERSION;
  static override styles = baseStyles;
  /** The element's English strings (its `*.messages.ts`); translations load by locale. */
  static messages: Messages = {};

  /** Endpoint for this widget's events; wins over the provider's. */
  @property() endpoint?: string;
  /** Locale (`en`, `es`, `ar`, …); else the provider's, else the nearest `lang`, else `en`. */
  @property() locale?: string;
  /** `light`, `dark` or `auto` (follows the system). Inherited from the provider when unset. */
  @property({ reflect: true }) theme?: string;
  /** Nothing is written to the device (memory only). */
  @property({ type: Boolean, attribute: 'no-trace' }) noTrace = false;
  /** JSON object of string overrides by key, e.g. `{"reaction.me-too":"Same here"}`. */
  @property() strings?: string;

  /**
   * The Mutual elements this one renders in its own shadow root, Shoelace's `static dependencies`:
   * they are defined with it, and inherit its settings (see `MutualController`).
   */
  static dependencies: Record<string, CustomElementConstructor> = {};

  protected readonly mutual = new MutualController(
    this,
    (this.constructor as typeof MutualElement).messages,
    Object.keys((this.constructor as typeof MutualElement).dependencies).length > 0,
  );

  /** After the next render, moves focus to `selector` in the shadow root (the new step's heading, a confirmation). */
  protected focusAfterUpdate(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  /**
   * Waits for the locale's strings before rendering (no flash of English), and — when many
   * elements upgrade at once — for this element's turn for a first render. Immediate otherwise.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const render = () => (this.hasUpdated ? super.scheduleUpdate() : renderInTurn(() => void super.scheduleUpdate()));
    const catalog = loadCatalog(this.mutual.locale);
    return catalog ? catalog.then(render) : render();
  }
}
