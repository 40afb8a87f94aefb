import type { ReactiveController, ReactiveElement } from 'lit';
import type { MutualConfig } from './config.js';
import { catalogLocale, directionOf, translate, type Messages, type Params } from './i18n/index.js';
import type { SettingsController } from './settings-controller.js';
import { warnAbout } from './warn.js';

export interface LocaleOptions {
  settings: SettingsController;
  /** The element's own English strings (its `*.messages.ts`): the fallback under every locale. */
  messages: Messages;
}

function langOf(node: Element): string | null {
  for (let el: Element | null = node; el;) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
  }
  return null;
}

/**
 * Every connected element's locale controller, told when the page's language changes: a
 * client-side language switch sets `<html lang>` and reloads nothing. One observer for the page.
 */
const live = new Set<LocaleController>();
let pageLang: MutationObserver | undefined;

/**
 * One job: the element's locale and its strings. The locale is its `locale` attribute, else the
 * provider's, else the nearest `lang`, else `en`. `K` narrows `t()` to the catalogue's keys.
 */
export class LocaleController<K extends string = string> implements ReactiveController {
  #cache?: { config: MutualConfig; locale: string };

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: LocaleOptions,
  ) {
    host.addController(this);
  }

  /** Moved elsewhere in the page: the nearest `lang` may differ. */
  hostConnected(): void {
    this.#cache = undefined;
    live.add(this);
    if (!pageLang) {
      pageLang = new MutationObserver(() =>
        live.forEach((c) => {
          c.#cache = undefined;
          c.host.requestUpdate();
        }),
      );
      pageLang.observe(document.documentElement, { attributeFilter: ['lang'] });
    }
  }

  hostDisconnected(): void {
    live.delete(this);
  }

  get locale(): string {
    const config = this.options.settings.config;
    if (this.#cache?.config !== config) this.#cache = { config, locale: this.#resolve(config.locale) };
    return this.#cache.locale;
  }

  #resolve(configured: string | null): string {
    for (const candidate of [configured, langOf(this.host)]) {
      if (!candidate) continue;
      try {
        return Intl.getCanonicalLocales(candidate)[0];
      } catch {
        warnAbout('locale', { tag: this.host.localName, value: candidate }, this.host, `locale:${candidate}`);
      }
    }
    return 'en';
  }

  /** The catalogue's language (`es` for `es-MX`), for the `lang` attribute of what the element renders. */
  get lang(): string {
    return catalogLocale(this.locale);
  }

  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.locale);
  }

  t(key: K, params?: Params): string {
    return translate(this.locale, key, this.options.messages, params, this.options.settings.config.strings);
  }
}
