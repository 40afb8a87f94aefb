import { html, nothing, svg, type PropertyValues } from 'lit';
import { headingLevel } from '../core/ui/heading.js';
import { registerCatalogs } from '../core/i18n/index.js';
import { formatDuration, formatNumber } from '../core/i18n/format.js';
import { adminCatalogLoaders, type MessageKey } from '../locales/index.js';
import { MutualElement } from '../internal/mutual-element.js';
import { panelStyles } from '../core/ui/panel-styles.js';
import { ModerationApi, type Bucket, type FirstLook, type PulseDay } from '../moderation-queue/moderation-api.js';
import pulseMessages from './community-pulse.messages.js';
import { communityPulseStyles } from './community-pulse.styles.js';

const SERIES = ['checkins', 'reactions', 'responses', 'reports', 'crisisShown'] as const;
type Series = (typeof SERIES)[number];
/** A "fewer than 5" day is drawn at this height, dashed, so it reads as small and unknown. */
const FEWER = 2.5;

registerCatalogs(adminCatalogLoaders);

/**
 * @tag mutual-community-pulse
 * @summary The host's overview of the last days: check-ins (by mood), reactions, responses,
 * reports and crisis help shown, per day, as charts with a text summary and a table each; and how
 * soon moderators first looked at what members wrote (median and 9 in 10, crisis language first),
 * this week against the week before. For the host's admin page only (`mutual-widgets/admin`).
 *
 * Aggregate counts only: any day under 5 reads "fewer than 5". The moderator token is a property
 * (never an attribute, never stored).
 *
 * @csspart base - The overview.
 * @csspart chart - One chart (figure).
 * @cssprop --mutual-community-pulse-bar - Bar colour (default `--mutual-color-accent`).
 */
export class MutualCommunityPulse extends MutualElement {
  static override catalogParts = ['admin'];
  static override messages = pulseMessages;
  static override styles = [...MutualElement.styles, panelStyles, communityPulseStyles];

  static override properties = {
    token: { attribute: false },
    days: { type: Number },
    headingLevel: { type: Number, attribute: 'heading-level' },
    data: { state: true, attribute: false },
    looks: { state: true, attribute: false },
    status: { state: true, attribute: false },
    reason: { state: true, attribute: false },
  };

  /** The moderator token (property only). */
  token?: string;
  /** How many days, up to 90. */
  days = 30;
  /** Level of the heading (2–6); each chart's title sits one below. */
  headingLevel = 2;

  private data: PulseDay[] = [];
  private looks: FirstLook | undefined;
  private status: 'loading' | 'ready' | 'error' | 'no-token' = 'loading';
  private reason = '';

  readonly #api = new ModerationApi({
    endpoint: () => this.settings.config.endpoint,
    token: () => this.token ?? this.settings.config.moderatorToken,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') || changed.has('days') || !this.hasUpdated) void this.#load();
    else if (this.status === 'no-token' && this.#api.hasToken) void this.#load();
  }

  async #load(): Promise<void> {
    // No token yet (the host's sign-in comes first): nothing to ask the endpoint, and nothing went wrong.
    if (!this.#api.hasToken) return void (this.status = 'no-token');
    this.status = 'loading';
    try {
      const answer = await this.#api.pulse(Math.min(90, Math.max(1, this.days || 30)));
      this.data = answer.days;
      this.looks = answer.firstLook;
      this.status = 'ready';
    } catch (error) {
      this.status = 'error';
      this.reason =
        (error as { status?: number }).status === 401 || (error as { status?: number }).status === 403
          ? 'not allowed'
          : (error as Error).message;
    }
  }

  #text(bucket: Bucket): string {
    return bucket === '<5' ? this.i18n.t('community-pulse.fewer') : formatNumber(this.i18n.locale, bucket);
  }

  /**
   * "Check-ins this week: 42, up from 31." A day with fewer than 5 held 1–4, so a week with such days reads as
   * the range it must lie in ("9–21"), and weeks whose ranges overlap read "about the same".
   */
  #summary(series: Series, label: string): string {
    const week = (from: number) => {
      const b = this.data.slice(Math.max(0, from), from + 7).map((d) => d[series]);
      const known = b.reduce<number>((n, x) => n + (x === '<5' ? 0 : x), 0);
      const fewer = b.filter((x) => x === '<5').length;
      return { low: known + fewer, high: known + 4 * fewer };
    };
    const n = (v: number) => formatNumber(this.i18n.locale, v);
    const text = (w: { low: number; high: number }) => (w.low === w.high ? n(w.low) : `${n(w.low)}–${n(w.high)}`);
    const now = week(this.data.length - 7);
    const before = week(this.data.length - 14);
    const trend =
      now.low > before.high
        ? 'community-pulse.up'
        : now.high < before.low
          ? 'community-pulse.down'
          : now.low === now.high && before.low === before.high
            ? 'community-pulse.same'
            : 'community-pulse.similar';
    return this.i18n.t('community-pulse.summary', {
      series: label,
      now: text(now),
      trend: this.i18n.t(trend),
      before: text(before),
    });
  }

  #chart(series: Series, level: number) {
    const t = this.i18n.t.bind(this.i18n);
    const label = t(`community-pulse.series.${series}` as MessageKey);
    const values = this.data.map((d) => d[series]);
    const max = Math.max(5, ...values.map((v) => (v === '<5' ? FEWER : v)));
    const w = 100 / Math.max(1, values.length);
    // Nothing at all: one line, not an empty chart and a table of zeros.
    if (values.every((v) => v === 0))
      return html`<figure part="chart" aria-labelledby="${series}-title">
        <figcaption>
          <strong id="${series}-title" role="heading" aria-level=${Math.min(6, level + 1)}>${label}</strong>
          <span>${t('community-pulse.none', { days: values.length })}</span>
        </figcaption>
      </figure>`;
    return html`<figure part="chart" aria-labelledby="${series}-title" aria-describedby="${series}-summary">
      <figcaption>
        <strong id="${series}-title" role="heading" aria-level=${Math.min(6, level + 1)}>${label}</strong>
        <span id="${series}-summary">${this.#summary(series, label)}</span>
      </figcaption>
      <svg viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true">
        ${values.map((v, i) => {
          const h = ((v === '<5' ? FEWER : v) / max) * 20;
          return svg`<rect class=${v === '<5' ? 'fewer' : ''} x=${i * w + w * 0.1} y=${20 - h} width=${w * 0.8} height=${h}></rect>`;
        })}
      </svg>
      <details>
        <summary>${t('community-pulse.table')}</summary>
        <table>
          <thead><tr><th scope="col">${t('community-pulse.day')}</th><th scope="col">${t('community-pulse.count')}</th></tr></thead>
          <tbody>${this.data.map((d) => html`<tr><th scope="row">${d.day}</th><td>${this.#text(d[series])}</td></tr>`)}</tbody>
        </table>
      </details>
    </figure>`;
  }

  /** Check-ins by mood over the whole period: a small table (aggregates of aggregates stay hidden under 5). */
  #moods() {
    const t = this.i18n.t.bind(this.i18n);
    const rows = (['1', '2', '3', '4', '5'] as const).map((m) => {
      const days = this.data.map((d) => d.moods[m]);
      const known = days.reduce<number>((n, x) => n + (x === '<5' ? 0 : x), 0);
      const some = known > 0 || days.includes('<5');
      const value: Bucket = known >= 5 ? known : some ? '<5' : 0;
      return [m, value] as const;
    });
    return html`<table aria-label=${t('community-pulse.moods')}>
      <caption>${t('community-pulse.moods')}</caption>
      <tbody>${rows.map(([m, v]) => html`<tr><th scope="row">${t(`community-pulse.mood.${m}` as MessageKey)}</th><td>${this.#text(v)}</td></tr>`)}</tbody>
    </table>`;
  }

  /**
   * How soon a moderator first opened what members wrote, this week against the last: the median and
   * the time within which 9 in 10 were seen, for every item and for those with crisis language.
   */
  #firstLook(level: number) {
    if (!this.looks) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    const time = (s: number | null) => (s === null ? t('community-pulse.look-none') : formatDuration(locale, s));
    const table = (which: 'all' | 'crisis') => {
      const { thisWeek, lastWeek } = this.looks![which];
      const row = (key: MessageKey, cell: (w: typeof thisWeek) => string) =>
        html`<tr><th scope="row">${t(key)}</th><td>${cell(thisWeek)}</td><td>${cell(lastWeek)}</td></tr>`;
      return html`<table>
        <caption>${t(`community-pulse.look-${which}` as MessageKey)}</caption>
        <thead><tr><td></td><th scope="col">${t('community-pulse.this-week')}</th><th scope="col">${t('community-pulse.last-week')}</th></tr></thead>
        <tbody>
          ${row('community-pulse.look-median', (w) => time(w.medianSeconds))}
          ${row('community-pulse.look-p90', (w) => time(w.p90Seconds))}
          ${row('community-pulse.looked', (w) => formatNumber(locale, w.looked))}
          ${row('community-pulse.waiting', (w) => formatNumber(locale, w.waiting))}
        </tbody>
      </table>`;
    };
    const heading = html`<strong id="looks-title" role="heading" aria-level=${Math.min(6, level + 1)}>${t('community-pulse.look-title')}</strong>`;
    const { thisWeek: now, lastWeek: before } = this.looks.all;
    // Nothing arrived in two weeks: one line, not tables of zeros.
    if (!now.looked && !now.waiting && !before.looked && !before.waiting)
      return html`<section part="chart" class="looks" aria-labelledby="looks-title">${heading} <span>${t('community-pulse.look-quiet')}</span></section>`;
    const { medianSeconds: median, waiting } = this.looks.crisis.thisWeek;
    const summary = [
      median !== null
        ? t('community-pulse.look-summary', { time: time(median) })
        : waiting
          ? ''
          : t('community-pulse.look-summary-none'),
      waiting ? t('community-pulse.look-summary-waiting', { count: waiting }) : '',
    ];
    return html`<section part="chart" class="looks" aria-labelledby="looks-title">
      ${heading}
      <p>${summary.filter(Boolean).join(' ')}</p>
      ${table('crisis')} ${table('all')}
    </section>`;
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const level = headingLevel(this, this.headingLevel, 2);
    return html`<section part="base" dir=${this.i18n.dir} lang=${this.i18n.lang} aria-labelledby="title" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>
      <div class="heading" role="heading" aria-level=${level} id="title">${t('community-pulse.title', { days: this.days })}</div>
      <p>${t('community-pulse.privacy')}</p>
      ${
        this.status === 'no-token'
          ? html`<p>${t('community-pulse.no-token')}</p>`
          : this.status === 'error'
            ? html`<p role="alert">${t('community-pulse.error', { reason: this.reason })}</p><button type="button" @click=${() => this.#load()}>${t('community-pulse.retry')}</button>`
            : this.status === 'loading'
              ? html`<p>${t('community-pulse.loading')}</p>`
              : html`${this.#firstLook(level)} ${SERIES.map((s) => this.#chart(s, level))} ${this.#moods()}`
      }
    </section>`;
  }
}
