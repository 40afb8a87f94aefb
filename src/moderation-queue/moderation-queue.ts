import { registerCatalogs } from '../core/i18n/index.js';
import { html, nothing, type PropertyValues } from 'lit';
import { NestedProvider } from '../core/nested-provider.js';
import { headingLevel } from '../core/ui/heading.js';
import { adminCatalogLoaders, type MessageKey } from '../locales/index.js';
import { MutualElement } from '../internal/mutual-element.js';
import { dialogStyles } from '../core/ui/dialog-styles.js';
import { formStyles } from '../core/ui/form-styles.js';
import { panelStyles } from '../core/ui/panel-styles.js';
import { MutualCrisisResources } from '../crisis-resources/crisis-resources.js';
import { CareController } from './care.js';
import {
  ModerationApi,
  type Item,
  type Kind,
  type Page,
  type ReportedStory,
  withoutDecided,
} from './moderation-api.js';
import { ClaimsController } from './claims.js';
import { SelectionController } from './selection.js';
import { HistoryController } from './history.js';
import { renderItem } from './item.js';
import { renderHelp, renderReports, renderTabs } from './parts.js';
import { ShortcutsController, type Shortcut } from './shortcuts.js';
import { moderationQueueStyles } from './moderation-queue.styles.js';
import moderationMessages from './moderation-queue.messages.js';

const KINDS: (Kind | 'reports')[] = ['encouragement', 'response', 'tip', 'story', 'reports'];
type Status = 'loading' | 'ready' | 'error' | 'denied' | 'no-token';

registerCatalogs(adminCatalogLoaders);

/**
 * @tag mutual-moderation-queue
 * @summary The host's review queue: what members wrote waits here until a moderator approves
 * or hides it. For the host's admin page only (`mutual-widgets/admin`), never members' pages.
 *
 * Tabs by kind with counts; flagged items (crisis language, links, contact details, blocked
 * words) first; Approve, Hide, Undo and each item's history, with shortcuts (`j`/`k` move, `x`
 * selects, `a` approves, `h` hides, `u` undoes, `i` shows the history, `?` lists them). Texts are shown as text.
 * Items flagged for crisis language come with help lines. A decision another moderator made first
 * is said, and changes nothing.
 *
 * The moderator token is set as the `token` property (never an attribute, never stored on the
 * device) and sent only as `Authorization: Bearer`.
 *
 * @csspart base - The queue.
 * @csspart item - One item.
 * @csspart actions - An item's buttons.
 * @csspart bulk - The bar that acts on a selection.
 * @csspart care - The offer of a break.
 * @cssprop --mutual-moderation-queue-background - Background (default `--mutual-color-surface`).
 */
export class MutualModerationQueue extends MutualElement {
  static override catalogParts = ['admin'];
  static override messages = moderationMessages;
  static override styles = [...MutualElement.styles, formStyles, panelStyles, dialogStyles, moderationQueueStyles];
  static override handDown = NestedProvider;
  static override dependencies = { 'mutual-crisis-resources': MutualCrisisResources };

  static override properties = {
    token: { attribute: false },
    storyHref: { attribute: 'story-href' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    breakAfter: { type: Number, attribute: 'break-after' },
    careHref: { attribute: 'care-href' },
    kind: { state: true, attribute: false },
    reports: { state: true, attribute: false },
    page: { state: true, attribute: false },
    status: { state: true, attribute: false },
    reason: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    last: { state: true, attribute: false },
    helpOpen: { state: true, attribute: false },
  };

  /** The moderator token (property only: it never appears in the page's markup or on the device); else the provider's `moderatorToken`. */
  token?: string;
  /** Where a story lives on your site, `{id}` standing for its id (e.g. `/stories/{id}`): each item links to the story it answers. */
  storyHref?: string;
  /** Level of the queue's heading (2–6). */
  headingLevel = 2;
  /** After this many items with crisis language read in this page, a break is offered, once. */
  breakAfter = 20;
  /** Your page of support for moderators, offered with the break. */
  careHref?: string;
  readonly #care = new CareController(this, {
    breakAfter: () => (this.breakAfter > 0 ? this.breakAfter : 20),
    careHref: () => this.careHref,
    focus: (selector) => this.focusAfterUpdate(selector),
  });

  private kind: Kind | 'reports' = 'encouragement';
  private reports: ReportedStory[] = [];
  private page: Page = { items: [], next: null, counts: {} };
  private status: Status = 'loading';
  private reason = '';
  private announcement = '';
  /** Whether the endpoint has given the queue's counts yet (only then do the tabs show numbers). */
  #counted = false;
  /** The moderator chose a tab: the queue no longer opens on what waits first. */
  #chosen = false;
  /** The last decision (on one item or a selection), for Undo. */
  private last: { items: Item[]; action: 'approve' | 'hide' } | null = null;

  /** The list of shortcuts ("?"), a modal dialog. */
  private helpOpen = false;
  /** The reason chosen for each item, told to its writer if it is hidden. */
  #reasons = new Map<number, string>();

  readonly #api = new ModerationApi({
    endpoint: () => this.settings.config.endpoint,
    token: () => this.token ?? this.settings.config.moderatorToken,
  });
  /** Who else is reviewing an item: claimed when a moderator opens it. */
  readonly #claims = new ClaimsController(this, this.#api);
  /** Each item's audit trail, when its moderator opens it. */
  readonly #history = new HistoryController(this, this.#api);
  /** The items chosen for one decision. */
  readonly #selection = new SelectionController(this, {
    selectable: () => this.page.items.filter((i) => !this.#care.veiled(i)),
    decide: (action, items, reason) => void this.#decideMany(action, items, reason),
  });

  constructor() {
    super();
    new ShortcutsController(this, { run: (shortcut, seq) => this.#shortcut(shortcut, seq) });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token') || !this.hasUpdated) void this.#load();
    else if (this.status === 'no-token' && this.#api.hasToken) void this.#load();
  }

  /** Loads the first page of the current tab (or the next page with `more`); a later load wins. */
  async #load(more = false): Promise<void> {
    if (!this.#api.hasToken) return void (this.status = 'no-token');
    const generation = ++this.#generation;
    const current = () => generation === this.#generation;
    if (!more) {
      this.status = 'loading';
      this.#selection.clear();
    }
    try {
      // Opening: on the kind of the first item waiting (flagged first), not on an empty tab.
      if (!more && !this.#chosen) {
        const first = await this.#api.firstWaiting();
        if (!current()) return;
        if (first) this.kind = first;
      }
      if (this.kind === 'reports') {
        const { stories } = await this.#api.reports();
        if (!current()) return;
        this.reports = stories;
        this.status = 'ready';
        return;
      }
      const page = await this.#api.queue(this.kind, more ? this.page.next : null);
      if (!current()) return;
      this.#counted = true;
      this.page = more ? { ...page, items: [...this.page.items, ...page.items] } : page;
      this.status = 'ready';
    } catch (error) {
      if (!current()) return;
      const status = (error as { status?: number }).status;
      this.status = status === 401 || status === 403 ? 'denied' : 'error';
      this.reason = (error as Error).message;
    }
  }
  #generation = 0;

  #choose(kind: Kind | 'reports', focus = false): void {
    this.kind = kind;
    this.#chosen = true;
    this.last = null;
    void this.#load();
    if (focus) this.focusAfterUpdate(`#tab-${kind}`);
  }

  async #decide(item: Item, action: 'approve' | 'hide'): Promise<void> {
    const index = this.page.items.indexOf(item);
    // Gone (404): its writer took it back meanwhile ("Forget me", or taking their text down).
    let gone = false;
    // Decided by another moderator meanwhile (409): it leaves this queue as it is, and nothing changed.
    let first: { by: string; state: Item['state'] } | null = null;
    try {
      await this.#api.act(item.seq, action, item.state, action === 'hide' ? (this.#reasons.get(item.seq) ?? '') : '');
    } catch (error) {
      const { status, answer } = error as { status?: number; answer?: { by?: string; state?: Item['state'] } };
      gone = status === 404;
      if (status === 409) first = { by: answer?.by ?? '', state: answer?.state ?? 'pending' };
      else if (!gone)
        return void (this.announcement = this.i18n.t('moderation-queue.act-failed', {
          reason: (error as Error).message,
        }));
    }
    this.page = withoutDecided(this.page, [item]);
    this.last = gone || first ? null : { items: [item], action };
    this.announcement = first
      ? this.i18n.t('moderation-queue.conflict', {
          by: first.by,
          state: this.i18n.t(`moderation-queue.state.${first.state}` as MessageKey),
        })
      : this.i18n.t(
          gone
            ? 'moderation-queue.gone'
            : action === 'approve'
              ? 'moderation-queue.approved'
              : 'moderation-queue.hidden',
        );
    // Focus follows the work: the next item, else the one before, else Undo (else the tab).
    const next = this.page.items[index] ?? this.page.items[index - 1];
    this.focusAfterUpdate(next ? `#item-${next.seq}` : gone || first ? `#tab-${item.kind}` : '#undo');
  }

  async #undo(): Promise<void> {
    const last = this.last;
    if (!last) return;
    const from = last.action === 'approve' ? 'approved' : 'hidden';
    try {
      if (last.items.length === 1) await this.#api.act(last.items[0].seq, 'restore', from, 'undo');
      else
        await this.#api.actMany(
          'restore',
          last.items.map((i) => ({ seq: i.seq, from })),
          'undo',
        );
    } catch (error) {
      return void (this.announcement = this.i18n.t('moderation-queue.act-failed', {
        reason: (error as Error).message,
      }));
    }
    this.last = null;
    this.announcement = this.i18n.t('moderation-queue.restored');
    await this.#load();
    this.focusAfterUpdate(`#item-${last.items[0].seq}`);
  }

  /** One decision on the selection; each leaves the queue, and one Undo puts back all it moved. */
  async #decideMany(action: 'approve' | 'hide', chosen: Item[], reason: string): Promise<void> {
    if (!chosen.length) return;
    let answer: Awaited<ReturnType<ModerationApi['actMany']>>;
    try {
      answer = await this.#api.actMany(
        action,
        chosen.map((i) => ({ seq: i.seq, from: i.state })),
        reason,
      );
    } catch (error) {
      return void (this.announcement = this.i18n.t('moderation-queue.act-failed', {
        reason: (error as Error).message,
      }));
    }
    this.page = withoutDecided(this.page, chosen);
    this.#selection.clear();
    const moved = chosen.filter((i) => answer.items.some((m) => m.seq === i.seq));
    this.last = moved.length ? { items: moved, action } : null;
    const t = this.i18n.t.bind(this.i18n);
    this.announcement = [
      moved.length
        ? t(action === 'approve' ? 'moderation-queue.bulk-approved' : 'moderation-queue.bulk-hidden', {
            count: moved.length,
          })
        : '',
      answer.conflicts.length ? t('moderation-queue.bulk-conflicts', { count: answer.conflicts.length }) : '',
      answer.gone.length ? t('moderation-queue.bulk-gone', { count: answer.gone.length }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    const next = this.page.items[0];
    this.focusAfterUpdate(next ? `#item-${next.seq}` : this.last ? '#undo' : `#tab-${chosen[0].kind}`);
  }

  /** Reports are resolved with the same actions: Approve keeps the story published, Hide takes it down. */
  async #resolve(report: ReportedStory, action: 'approve' | 'hide'): Promise<void> {
    const index = this.reports.indexOf(report);
    try {
      await this.#api.act(report.item!, action, report.state!);
    } catch (error) {
      if ((error as { status?: number }).status !== 409)
        return void (this.announcement = this.i18n.t('moderation-queue.act-failed', {
          reason: (error as Error).message,
        }));
    }
    this.reports = this.reports.filter((r) => r !== report);
    this.announcement = this.i18n.t(action === 'approve' ? 'moderation-queue.kept' : 'moderation-queue.hidden');
    const next = this.reports[index] ?? this.reports[index - 1];
    this.focusAfterUpdate(next ? `[id="report-${CSS.escape(next.subject)}"]` : '#tab-reports');
  }

  /** Arrow keys between tabs (one tab stop); `j`/`k` between items. */
  #onTabKey(e: KeyboardEvent): void {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    const dir = this.i18n.dir === 'rtl' ? -step : step;
    this.#choose(KINDS[(KINDS.indexOf(this.kind) + dir + KINDS.length) % KINDS.length], true);
  }

  #shortcut(shortcut: Shortcut, seq: number | null): void {
    if (shortcut === 'help') return void (this.helpOpen = true);
    if (shortcut === 'undo') return void this.#undo();
    if (shortcut === 'next' || shortcut === 'previous') {
      const items = [...this.renderRoot.querySelectorAll<HTMLElement>('[part="item"]')];
      const current = items.findIndex((i) => i.contains((this.renderRoot as ShadowRoot).activeElement));
      const step = shortcut === 'next' ? 1 : -1;
      return void items[Math.min(items.length - 1, Math.max(0, current + step))]?.focus();
    }
    const item = this.page.items.find((i) => i.seq === seq);
    if (!item) return;
    if (shortcut === 'history') void this.#history.toggle(item.seq);
    else if (shortcut === 'select') this.#selection.toggle(item);
    else void this.#decide(item, shortcut);
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts');
    if (this.helpOpen && dialog && !dialog.open) dialog.showModal();
  }

  #renderItem(item: Item, level: number) {
    const t = this.i18n.t.bind(this.i18n);
    const locale = this.i18n.locale;
    return renderItem({
      t,
      locale,
      item,
      level,
      reviewing: this.#claims.reviewing(item.seq),
      veil: this.#care.veiled(item) ? this.#care.renderVeil(item, t, locale) : undefined,
      selected: this.#selection.has(item.seq),
      select: (on) => this.#selection.toggle(item, on),
      storyHref: this.storyHref,
      base: document.baseURI,
      reasons: this.page.hideReasons ?? [],
      reason: this.#reasons.get(item.seq) ?? '',
      pickReason: (reason) => this.#reasons.set(item.seq, reason),
      decide: (action) => void this.#decide(item, action),
      open: () => void this.#claims.open(item.seq),
      historyToggle: this.#history.renderToggle(item.seq, t),
      history: this.#history.render(item.seq, t, locale),
    });
  }

  #renderBody(level: number) {
    const t = this.i18n.t.bind(this.i18n);
    if (this.status === 'no-token') return html`<p>${t('moderation-queue.no-token')}</p>`;
    if (this.status === 'loading') return html`<p>${t('moderation-queue.loading')}</p>`;
    if (this.status === 'denied' || this.status === 'error') {
      return html`<p role="alert">${this.status === 'denied' ? t('moderation-queue.denied') : t('moderation-queue.error', { reason: this.reason })}</p>
        <div part="actions"><button type="button" @click=${() => this.#load()}>${t('moderation-queue.retry')}</button></div>`;
    }
    if (this.kind === 'reports')
      return renderReports({ t, level, reports: this.reports, decide: (r, action) => void this.#resolve(r, action) });
    if (!this.page.items.length) return html`<p>${t('moderation-queue.empty')}</p>`;
    const bulk = this.#selection.render(t, this.page.hideReasons ?? []);
    return html`${this.#care.renderOffer(t)}<p class="meta">${t('moderation-queue.keys')}</p>${bulk}
      <ol>${this.page.items.map((item) => this.#renderItem(item, level))}</ol>
      ${this.page.next ? html`<div part="actions"><button type="button" @click=${() => this.#load(true)}>${t('moderation-queue.more')}</button></div>` : nothing}`;
  }

  protected override render() {
    const t = this.i18n.t.bind(this.i18n);
    const level = headingLevel(this, this.headingLevel, 2);
    return html`<section part="base" dir=${this.i18n.dir} lang=${this.i18n.lang} aria-labelledby="title">
      <div class="heading" role="heading" aria-level=${level} id="title" tabindex="-1">${t('moderation-queue.title')}</div>
      ${renderTabs({
        t,
        kinds: KINDS,
        current: this.kind,
        // No number before the endpoint has answered (no token yet, say): "(0)" would claim an empty
        // queue. Its answer leaves out kinds with nothing waiting.
        count: (kind) => (kind === 'reports' || !this.#counted ? undefined : (this.page.counts[kind]?.pending ?? 0)),
        choose: (kind) => this.#choose(kind),
        onKey: (e) => this.#onTabKey(e),
      })}
      <div role="tabpanel" id="panel" aria-labelledby="tab-${this.kind}" aria-busy=${this.status === 'loading' ? 'true' : 'false'}>${this.#renderBody(level)}</div>
      ${renderHelp({ t, close: () => this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts')?.close(), closed: () => (this.helpOpen = false) })}
      <p role="status" class="meta">
        ${this.announcement}
        ${this.last ? html`<button type="button" id="undo" @click=${() => this.#undo()}>${t('moderation-queue.undo')}</button>` : nothing}
      </p>
    </section>`;
  }
}
