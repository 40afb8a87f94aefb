import { html, type PropertyValues } from 'lit';
import { commaList, defaultConfig, parseJsonAttribute, type MutualConfig } from '../core/config.js';
import { SettingsProvider } from '../core/settings-provider.js';
import { MutualElement } from '../internal/mutual-element.js';
import { deviceFootprint, forgetDevice } from '../core/delivery/device-footprint.js';
import { EventTypes, Limits } from '../core/protocol/envelope.js';
import providerMessages from './provider.messages.js';
import { providerStyles } from './provider.styles.js';

/**
 * @tag mutual-provider
 * @summary Hands the endpoint and shared settings to every Mutual widget inside it, including
 * inside other shadow roots. Renders nothing of its own; set `--mutual-*` tokens on it to theme
 * every widget inside.
 *
 * @slot - The page content and widgets that share these settings.
 * @csspart forget - The line with the "Forget me on this device" button (with `forget-button`): place it in your layout.
 * @csspart forget-button - The "Forget me on this device" button (with `forget-button`).
 */
export class MutualProvider extends MutualElement {
  static override messages = providerMessages;
  static override styles = [...MutualElement.styles, providerStyles];

  static override properties = {
    source: {},
    credentials: {},
    headers: {},
    hiddenTopics: { attribute: 'hidden-topics' },
    region: {},
    helpLines: { attribute: 'help-lines' },
    forgetButton: { type: Boolean, attribute: 'forget-button' },
    forgotten: { state: true, attribute: false },
    moderatorToken: { attribute: false },
    token: {},
    delivery: { attribute: false },
  };

  /** CloudEvents `source` for every event (default: the page's origin + path). */
  source?: string;
  /** Send cookies with events: `omit` (default), `same-origin` or `include`. */
  credentials?: RequestCredentials;
  /** JSON object of extra request headers, e.g. `{"authorization":"Bearer …"}`. */
  headers?: string;
  /** Comma list of content-warning topics collapsed by default, e.g. `self-harm, relapse`. */
  hiddenTopics?: string;
  /** Region for crisis help lines, as an ISO 3166 code (`GB`, `MX`, `EG`); else each widget's locale region. */
  region?: string;
  /** JSON list of help lines that replace the built-in ones in every widget (see `<mutual-crisis-resources lines>`). */
  helpLines?: string;
  /** Shows a small "Forget me on this device" button after the content. */
  forgetButton = false;
  /** After "Forget me": `authored` when the device held keys to take texts down (they are gone now). */
  private forgotten: false | 'done' | 'authored' = false;
  /** Moderator token for the admin elements inside (property only: never an attribute, never stored). */
  moderatorToken?: string;
  /**
   * A short-lived signed token (JWT) from the host's own sign-in, sent with members' events as
   * `Authorization: Bearer …`; a collector with `--jwt-secret`/`--jwks-url` verifies it. Never stored.
   */
  token?: string;
  /** Timing of delivery (set as a property): batch window, retries, timeout. */
  delivery: MutualConfig['delivery'] = {};

  readonly #provider = new SettingsProvider(this, { initialValue: defaultConfig });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const config = this.settings.config;
    const headers = parseJsonAttribute<Record<string, string>>(this, 'headers', this.headers, 'object');
    this.#provider.setValue({
      ...config,
      source: this.source || config.source,
      credentials: this.credentials || config.credentials,
      headers: {
        ...(headers ?? config.headers),
        ...(this.token && { authorization: `Bearer ${this.token.trim()}` }),
      },
      delivery: { ...config.delivery, ...this.delivery },
      moderatorToken: this.moderatorToken ?? config.moderatorToken,
      helpLines:
        parseJsonAttribute<MutualConfig['helpLines']>(this, 'help-lines', this.helpLines, 'array') ?? config.helpLines,
      hiddenTopics: this.hiddenTopics ? commaList(this.hiddenTopics.toLowerCase()) : config.hiddenTopics,
    });
  }

  /**
   * Clears everything Mutual stored on this device (unsent events, drafts, remembered reactions),
   * and asks the endpoint to forget what this device sent (`org.mutual.device.forget`).
   */
  forget(): void {
    const { reactors, events, keyOf, authored } = deviceFootprint();
    forgetDevice();
    this.forgotten = authored ? 'authored' : 'done';
    // Also ask the endpoint to forget what this device sent: its reactions (through their reactor
    // keys) and its texts still waiting for review, each proved by its author key (an id alone
    // proves nothing). Lists travel in pieces an event may carry.
    const step = Limits.listItems;
    for (let i = 0; i < Math.max(reactors.length, events.length); i += step) {
      const ids = events.slice(i, i + step);
      const keys = [...new Set(ids.flatMap((id) => keyOf[id] ?? []))];
      this.sender.send(
        EventTypes.deviceForget,
        { reactors: reactors.slice(i, i + step), events: ids, keys },
        { memoryOnly: true },
      );
    }
  }

  protected override render() {
    if (!this.forgetButton) return html`<slot></slot>`;
    return html`<slot></slot>
      <p class="forget" part="forget" dir=${this.i18n.dir} lang=${this.i18n.lang}>
        <button type="button" part="forget-button" @click=${this.forget}>${this.i18n.t('provider.button')}</button>
        <span role="status">${this.forgotten ? this.i18n.t('provider.done') : ''}${this.forgotten === 'authored' ? ` ${this.i18n.t('provider.published')}` : ''}</span>
      </p>`;
  }
}
