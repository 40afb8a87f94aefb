import { ContextProvider } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { parseJsonAttribute, type MutualConfig } from '../core/config.js';
import { mutualContext } from '../core/context.js';
import { VERSION } from '../core/define.js';
import { MutualElement } from '../core/mutual-element.js';
import { forgetDevice } from '../core/send-controller.js';

/**
 * @tag mutual-provider
 * @summary Hands the endpoint and shared settings to every Mutual widget inside it, including
 * inside other shadow roots. Renders nothing of its own; set `--mutual-*` tokens on it to theme
 * every widget inside.
 *
 * @slot - The page content and widgets that share these settings.
 */
export class MutualProvider extends MutualElement {
  static version = VERSION;
  static override styles = [
    ...MutualElement.styles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** CloudEvents `source` for every event (default: the page's origin + path). */
  @property() source?: string;
  /** Send cookies with events: `omit` (default), `same-origin` or `include`. */
  @property() credentials?: RequestCredentials;
  /** JSON object of extra request headers, e.g. `{"authorization":"Bearer …"}`. */
  @property() headers?: string;
  /** Timing of delivery (set as a property): batch window, retries, timeout. */
  @property({ attribute: false }) delivery: MutualConfig['delivery'] = {};

  private readonly provider = new ContextProvider(this, { context: mutualContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const config = this.mutual.config;
    const headers = parseJsonAttribute<Record<string, string>>(this, 'headers', this.headers, 'object');
    this.provider.setValue({
      ...config,
      locale: config.locale,
      source: this.source || config.source,
      credentials: this.credentials || config.credentials,
      headers: headers ?? config.headers,
      delivery: { ...config.delivery, ...this.delivery },
    });
  }

  /** Clears everything Mutual stored on this device: unsent events, drafts, remembered reactions. */
  forget(): void {
    forgetDevice();
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
