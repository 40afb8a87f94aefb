import type { MutualEnvelope } from './protocol/envelope.js';

/** Base of every Mutual DOM event: bubbles, crosses shadow roots, carries a readonly `detail`. */
export class MutualDomEvent<D> extends Event {
  constructor(
    type: string,
    readonly detail: D,
    cancelable = false,
  ) {
    super(type, { bubbles: true, composed: true, cancelable });
  }
}

/** Before an envelope is queued. `preventDefault()` stops it; changes to `detail.data` are sent. */
export class MutualEnvelopeEvent extends MutualDomEvent<MutualEnvelope> {
  constructor(envelope: MutualEnvelope) {
    super('mutual-event', envelope, true);
  }
}

export interface SendErrorDetail {
  envelope: MutualEnvelope;
  reason: string;
}
/** The endpoint refused an event for good (a 4xx other than 408/429); it will not be retried. */
export class MutualSendErrorEvent extends MutualDomEvent<SendErrorDetail> {
  constructor(detail: SendErrorDetail) {
    super('mutual-send-error', detail);
  }
}

export interface ReactionDetail {
  subject: string;
  reaction: string;
  active: boolean;
  count: number;
}
/** A visitor pressed a reaction. Cancelable: `preventDefault()` keeps the old state and sends nothing. */
export class MutualReactionEvent extends MutualDomEvent<ReactionDetail> {
  constructor(detail: ReactionDetail) {
    super('mutual-reaction', detail, true);
  }
}

export interface ShareBackDetail {
  storyId: string;
  /** The host's form URL (with the story id) when `share-href` is set; otherwise `null` (inline composer). */
  href: string | null;
}
/** A reader chose "Share your experience". Cancelable, so a host can route it itself. */
export class MutualShareBackEvent extends MutualDomEvent<ShareBackDetail> {
  constructor(detail: ShareBackDetail) {
    super('mutual-share-back', detail, true);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mutual-event': MutualEnvelopeEvent;
    'mutual-send-error': MutualSendErrorEvent;
    'mutual-reaction': MutualReactionEvent;
    'mutual-share-back': MutualShareBackEvent;
  }
}
