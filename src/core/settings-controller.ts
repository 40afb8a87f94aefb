import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { defaultConfig, parseJsonAttribute, THEMES, type MutualConfig, type Theme } from './config.js';
import { mutualContext } from './context.js';
import type { SettingsProvider } from './settings-provider.js';
import { warnAbout } from './warn.js';

/** The attributes every Mutual element (and the provider) accepts; they win over the provider's. */
export interface SettingsHost extends ReactiveElement {
  endpoint?: string;
  locale?: string;
  theme?: string;
  noTrace: boolean;
  strings?: string;
  /** Only on elements that show crisis help (and the provider). */
  region?: string;
}

export interface SettingsOptions {
  /**
   * The host renders other Mutual elements (its `static dependencies`), which then inherit its
   * settings: a card's `endpoint` or `no-trace` reaches its reaction bar, a check-in's `region` its
   * help lines. `NestedProvider` (core/nested-provider.ts), passed in by those elements only, so a
   * bar alone never carries a context provider.
   */
  handDown?: new (host: SettingsHost, options: { initialValue: MutualConfig }) => SettingsProvider;
  /** The resolved locale, handed down with the settings (what nested elements would find is only the `lang`). */
  locale?: () => string;
}

/**
 * Elements no provider answered yet: asked again when a provider appears, so a page whose
 * `<mutual-provider>` upgrades after the widgets inside it (the lazy loader defines each element
 * when it arrives, in any order) still hands them its settings. This and the request below do what
 * `@lit/context`'s `ContextConsumer` and `ContextRoot` do for our one context, in a third of their
 * bytes, which every element carries (providers: `settings-provider.ts`). The listener is added
 * when the first element is made, never at import: Node imports this for SSR.
 */
const unanswered = new Set<SettingsController>();
let listening = false;

/** One job: the settings an element works with — the provider's context plus its own attributes, validated. */
export class SettingsController implements ReactiveController {
  #inherited?: MutualConfig;
  #unsubscribe?: () => void;
  readonly #nested?: SettingsProvider;
  #cache?: { inherited: MutualConfig; attrs: unknown[]; config: MutualConfig };
  /** What was last handed down, and the resolved config it came from. */
  #handedDown?: { from: MutualConfig; value: MutualConfig };

  constructor(
    private readonly host: SettingsHost,
    private readonly options: SettingsOptions = {},
  ) {
    host.addController(this);
    if (!listening && typeof document !== 'undefined') {
      listening = true;
      document.addEventListener('context-provider', (e) => {
        if ((e as Event & { context?: unknown }).context === mutualContext)
          for (const waiting of unanswered) waiting.#request();
      });
    }
    if (options.handDown) this.#nested = new options.handDown(host, { initialValue: defaultConfig });
  }

  /** Moved elsewhere in the page: resolve again (the nearest `lang` may differ too). */
  hostConnected(): void {
    this.#cache = undefined;
    this.#request();
    this.#handDown();
  }

  hostDisconnected(): void {
    unanswered.delete(this);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  #request(): void {
    unanswered.add(this);
    this.host.dispatchEvent(new ContextEvent(mutualContext, this.host, this.#receive, true));
  }

  /**
   * A provider answered (at once, or later with a change). A nested element relays it the moment
   * it arrives, not at its next render: that may wait its turn (render queue, a language loading)
   * while the elements inside it already send.
   */
  #receive = (value: MutualConfig, unsubscribe?: () => void): void => {
    unanswered.delete(this);
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.();
    this.#unsubscribe = unsubscribe;
    this.#inherited = value;
    this.host.requestUpdate();
    this.#handDown();
  };

  /** The host's own attributes changed (or its locale resolved): its nested elements follow. */
  hostUpdate(): void {
    this.#handDown();
  }

  #handDown(): void {
    if (!this.#nested) return;
    const config = this.config;
    const locale = this.options.locale?.() ?? config.locale;
    const last = this.#handedDown;
    if (last && last.from === config && last.value.locale === locale) return;
    const value = { ...config, locale };
    this.#handedDown = { from: config, value };
    this.#nested.setValue(value);
  }

  /** Resolved from the provider's config and the host's own attributes; a new object only when either changes. */
  get config(): MutualConfig {
    const host = this.host;
    const inherited = this.#inherited ?? defaultConfig;
    // Read several times per render (every string asks): compared value by value, no JSON string built.
    const attrs = [host.endpoint, host.locale, host.theme, host.noTrace, host.strings, host.region];
    if (this.#cache?.inherited !== inherited || this.#cache.attrs.some((a, i) => a !== attrs[i]))
      this.#cache = { inherited, attrs, config: this.#resolve(inherited) };
    return this.#cache.config;
  }

  #resolve(inherited: MutualConfig): MutualConfig {
    const host = this.host;
    let theme: Theme | null = inherited.theme;
    if (host.theme) {
      if ((THEMES as string[]).includes(host.theme)) theme = host.theme as Theme;
      else warnAbout('theme', { tag: host.localName, value: host.theme, themes: THEMES.join(', ') }, host);
    }
    const strings = parseJsonAttribute<Record<string, string>>(host, 'strings', host.strings, 'object');
    return {
      ...inherited,
      endpoint: host.endpoint || inherited.endpoint,
      locale: host.locale || inherited.locale,
      region: host.region || inherited.region,
      theme,
      noTrace: host.noTrace || inherited.noTrace,
      strings: strings ? { ...inherited.strings, ...strings } : inherited.strings,
    };
  }
}
