import { html, nothing } from 'lit';
import { parseJsonAttribute } from '../core/config.js';
import { MutualElement } from '../internal/mutual-element.js';
import { warner } from '../core/warn.js';
import { DIRECTORY_URL, linesFor, regionOf, safeHref, type HelpLine } from './lines.js';
import crisisMessages from './crisis-resources.messages.js';
import { crisisResourcesStyles } from './crisis-resources.styles.js';

const warn = warner(() => import('./crisis-resources.warnings.js'));

/**
 * @tag mutual-crisis-resources
 * @summary Calm, localized crisis help lines for the reader's region. Shown by the check-in when
 * someone may be in danger, and by the story card's "I'm worried about the writer" report. Sends nothing.
 *
 * The region is the `region` attribute (here or on the provider), else the locale's region
 * (`es-MX` → Mexico), else none: then it points to an international directory of free lines.
 *
 * @slot - Your own resources (replaces the default lines).
 * @csspart base - The region.
 * @csspart title - The heading.
 * @csspart line - One help line.
 * @cssprop --mutual-crisis-resources-background - Background (default `--mutual-color-warning-surface`).
 */
export class MutualCrisisResources extends MutualElement {
  static override messages = crisisMessages;
  static override styles = [...MutualElement.styles, crisisResourcesStyles];

  static override properties = {
    region: {},
    lines: {},
    extraLines: { attribute: 'extra-lines' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    nested: { type: Boolean },
  };

  /** Region whose lines to show, as an ISO 3166 code (`GB`, `MX`, `EG`); else the provider's, else the locale's. */
  region?: string;
  /** Your lines, replacing the built-in ones: JSON `[{"name":"…","contact":"…","href":"tel:…","hours":"…"}]`, or an array as a property. */
  lines?: string | HelpLine[];
  /** Lines shown after the built-in ones (same format as `lines`). */
  extraLines?: string | HelpLine[];
  /** Heading level of the title (2–6), to fit the host page's outline. */
  headingLevel = 3;
  /** One of several on a page (in a list of items): a labelled group, not a landmark of its own. */
  nested = false;

  #renderLine(line: HelpLine) {
    const href = safeHref(line.href);
    return html`<li part="line">
      <strong>${line.name}</strong>: ${href ? html`<a href=${href}>${line.contact}</a>` : line.contact}
      ${line.hours ? html`<span>(${line.hours})</span>` : nothing}
    </li>`;
  }

  /** Whitespace between the tags does not count as the host's own resources. */
  #hasOwnContent(): boolean {
    return [...this.childNodes].some((n) => n.nodeType === Node.ELEMENT_NODE || n.textContent?.trim());
  }

  #parseLines(attribute: string, value: string | HelpLine[] | undefined): HelpLine[] | undefined {
    const list = typeof value === 'string' ? parseJsonAttribute<HelpLine[]>(this, attribute, value, 'array') : value;
    const valid = list?.filter((l) => l && typeof l.name === 'string' && typeof l.contact === 'string');
    if (list && valid!.length < list.length) warn('lines', { attribute }, this, `lines:${attribute}`);
    return valid;
  }

  /** The lines to show: the host's own, else the region's (from the provider's `help-lines` if set), plus any extra. */
  #chosenLines(): HelpLine[] {
    const { region, helpLines } = this.settings.config;
    if (region && !/^[a-z]{2}$/i.test(region)) warn('region', { value: region }, this);
    const base = this.#parseLines('lines', this.lines) ?? helpLines ?? linesFor(regionOf(region, this.i18n.locale));
    return [...base, ...(this.#parseLines('extra-lines', this.extraLines) ?? [])];
  }

  protected override render() {
    const lines = this.#chosenLines();
    const level = Math.min(6, Math.max(2, this.headingLevel || 3));
    // A <section> with a name is a landmark; several alike on one page would be indistinguishable.
    return html`<section part="base" role=${this.nested ? 'group' : nothing} dir=${this.i18n.dir} lang=${this.i18n.lang} aria-labelledby="title">
      <div part="title" id="title" role="heading" aria-level=${level}>${this.i18n.t('crisis-resources.title')}</div>
      ${
        this.#hasOwnContent()
          ? html`<p>${this.i18n.t('crisis-resources.intro')}</p><slot @slotchange=${() => this.requestUpdate()}></slot>`
          : lines.length
            ? html`<p>${this.i18n.t('crisis-resources.intro')}</p><ul>${lines.map((l) => this.#renderLine(l))}</ul>`
            : html`<p>${this.i18n.t('crisis-resources.intro-directory')}</p>`
      }
      <a href=${DIRECTORY_URL} rel="noopener noreferrer" target="_blank">${this.i18n.t('crisis-resources.more')}</a>
    </section>`;
  }
}
