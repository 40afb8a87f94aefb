import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { parseJsonAttribute } from '../core/config.js';
import { MutualElement } from '../core/mutual-element.js';
import { DEFAULT_LINES, DIRECTORY_URL, safeHref, type HelpLine } from './lines.js';
import crisisMessages from './crisis-resources.messages.js';

/**
 * @tag mutual-crisis-resources
 * @summary Calm, localized crisis help lines. Shown by the check-in when someone may be in danger,
 * and by the story card's "I'm worried about the writer" report. Sends nothing.
 *
 * @slot - Your own resources (replaces the default lines).
 * @csspart base - The region.
 * @csspart title - The heading.
 * @csspart line - One help line.
 * @cssprop --mutual-crisis-resources-background - Background (default `--mutual-color-warning-surface`).
 */
export class MutualCrisisResources extends MutualElement {
  static override messages = crisisMessages;
  static override styles = [
    ...MutualElement.styles,
    css`
      [part='base'] {
        padding: var(--_space-m);
        border-radius: var(--_radius-m);
        border: 1px solid var(--_color-border);
        background: var(--mutual-crisis-resources-background, var(--_color-warning-surface));
      }
      [part='title'] {
        margin: 0 0 var(--_space-xs);
        font-size: 1.05em;
      }
      p,
      ul {
        margin: 0 0 var(--_space-s);
      }
      ul {
        padding-inline-start: var(--_space-m);
      }
      a {
        color: var(--_color-accent);
        font-weight: 600;
        display: inline-block;
        min-block-size: 44px;
        padding-block: 10px;
      }
      @media (forced-colors: active) {
        [part='base'] {
          border-color: CanvasText;
        }
        a {
          color: LinkText;
        }
      }
    `,
  ];

  /** JSON list of lines `[{"name":"…","contact":"…","href":"tel:…","hours":"…"}]`; replaces the defaults. */
  @property() lines?: string;
  /** Heading level of the title (2–6), to fit the host page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  private renderLine(line: HelpLine) {
    const href = safeHref(line.href);
    return html`<li part="line">
      <strong>${line.name}</strong>: ${href ? html`<a href=${href}>${line.contact}</a>` : line.contact}
      ${line.hours ? html`<span>(${line.hours})</span>` : nothing}
    </li>`;
  }

  /** Whitespace between the tags does not count as the host's own resources. */
  private hasOwnContent(): boolean {
    return [...this.childNodes].some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent?.trim());
  }

  protected override render() {
    const custom = parseJsonAttribute<HelpLine[]>(this, 'lines', this.lines, 'array')?.filter(
      (l) => l && typeof l.name === 'string' && typeof l.contact === 'string',
    );
    const lines = custom ?? DEFAULT_LINES[this.mutual.lang] ?? DEFAULT_LINES.en;
    const level = Math.min(6, Math.max(2, this.headingLevel || 3));
    return html`<section part="base" dir=${this.mutual.dir} lang=${this.mutual.lang} aria-labelledby="title">
      <div part="title" id="title" role="heading" aria-level=${level}>${this.mutual.t('crisis.title')}</div>
      <p>${this.mutual.t('crisis.intro')}</p>
      ${this.hasOwnContent()
        ? html`<slot @slotchange=${() => this.requestUpdate()}></slot>`
        : html`<ul>${lines.map((l) => this.renderLine(l))}</ul>`}
      <a href=${DIRECTORY_URL} rel="noopener noreferrer" target="_blank">${this.mutual.t('crisis.more')}</a>
    </section>`;
  }
}
