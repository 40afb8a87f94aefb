import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What a key does in the queue. */
export type Shortcut = 'next' | 'previous' | 'select' | 'approve' | 'hide' | 'undo' | 'history' | 'help';

/** The keys, in the order the help lists them. */
export const SHORTCUTS: readonly (readonly [string, Shortcut])[] = [
  ['j', 'next'],
  ['k', 'previous'],
  ['x', 'select'],
  ['a', 'approve'],
  ['h', 'hide'],
  ['u', 'undo'],
  ['i', 'history'],
  ['?', 'help'],
];
const BY_KEY = new Map(SHORTCUTS);
const TYPING =
  'input:not([type="checkbox"], [type="radio"], [type="button"]), textarea, select, [contenteditable]:not([contenteditable="false"])';

export interface ShortcutsOptions {
  /** `item`: the queue item focus is in (its `seq`), if any. */
  run: (shortcut: Shortcut, item: number | null) => void;
}

/**
 * One job: the queue's keyboard shortcuts, for moderators who do this every day. A key does nothing
 * while a field takes typing, with Ctrl, Alt or Meta held, or when something else already handled it.
 */
export class ShortcutsController implements ReactiveController {
  readonly #onKey = (e: KeyboardEvent) => {
    const shortcut = BY_KEY.get(e.key);
    if (!shortcut || e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
    const path = e.composedPath() as HTMLElement[];
    const target = path[0];
    // A checkbox takes no typing: j, k and x still work after ticking one.
    if (target?.matches?.(TYPING)) return;
    const item = path.find((el) => el?.getAttribute?.('part') === 'item' && el.id.startsWith('item-'));
    e.preventDefault();
    this.options.run(shortcut, item ? Number(item.id.slice(5)) : null);
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ShortcutsOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.#onKey);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.#onKey);
  }
}
