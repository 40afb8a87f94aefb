import { LitElement, type PropertyDeclarations } from 'lit';
import { VERSION } from '../core/define.js';
import { DeliveryController } from '../core/delivery/delivery-controller.js';
import { DeviceStorageController } from '../core/delivery/device-storage-controller.js';
import { loadCatalog, registerCatalogs, type Messages } from '../core/i18n/index.js';
import { LocaleController } from '../core/locale-controller.js';
import { renderInTurn } from '../core/ui/render-queue.js';
import { SettingsController, type SettingsHost, type SettingsOptions } from '../core/settings-controller.js';
import { baseStyles } from '../core/ui/styles.js';
import { catalogLoaders, type MessageKey } from '../locales/index.js';

registerCatalogs(catalogLoaders);

/**
 * What every Mutual element shares: the attributes that can override the provider, the base
 * styles, and one controller per job — settings, locale, delivery and device storage.
 */
export class MutualElement extends LitElement implements SettingsHost {
  /** Compared on registration: a second copy of Mutual with another version warns once. */
  static version = VERSION;
  static override styles = baseStyles;
  /** The element's English strings (its `*.messages.ts`); translations load by locale. */
  static messages: Messages = {};
  /** Parts of the translations this element needs beyond the members' (`admin`), loaded with it. */
  static catalogParts: readonly string[] = [];

  static override properties: PropertyDeclarations = {
    endpoint: {},
    locale: {},
    theme: { reflect: true },
    noTrace: { type: Boolean, attribute: 'no-trace' },
    strings: {},
  };

  /** Endpoint for this widget's events; wins over the provider's. */
  endpoint?: string;
  /** Locale (`en`, `es`, `ar`, …); else the provider's, else the nearest `lang`, else `en`. */
  locale?: string;
  /** `light`, `dark` or `auto` (follows the system). Inherited from the provider when unset. */
  theme?: string;
  /** Nothing is written to the device (memory only). */
  noTrace = false;
  /** JSON object of string overrides by key, e.g. `{"me-too.me-too":"Same here"}`. */
  strings?: string;

  /**
   * The Mutual elements this one renders in its own shadow root, Shoelace's `static dependencies`:
   * they are defined with it, and inherit its settings (see `SettingsController`).
   */
  static dependencies: Record<string, CustomElementConstructor> = {};
  /**
   * With `dependencies`: `NestedProvider` (core/nested-provider.ts), which hands this element's
   * settings down to them. Named here rather than imported, so elements without any carry none of it.
   */
  static handDown?: SettingsOptions['handDown'];

  protected readonly settings: SettingsController = new SettingsController(this, {
    handDown: (this.constructor as typeof MutualElement).handDown,
    locale: () => this.i18n.locale,
  });
  protected readonly i18n: LocaleController<MessageKey> = new LocaleController<MessageKey>(this, {
    settings: this.settings,
    messages: (this.constructor as typeof MutualElement).messages,
  });
  /** Sends this element's events (named `sender`: the provider's `delivery` is its timing setting). */
  protected readonly sender = new DeliveryController(this, { settings: this.settings });
  protected readonly storage = new DeviceStorageController({ settings: this.settings });

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
    const catalog = loadCatalog(this.i18n.locale, (this.constructor as typeof MutualElement).catalogParts);
    return catalog ? catalog.then(render) : render();
  }
}
