// How events enter the store, and who is told: member-written items enter moderation (pending, or
// approved under post-moderation unless held), attention is queued for the notify URL in the same
// transaction, and the forward and notify queues are woken.
import { createEnvelope, EventTypes, type MutualEnvelope } from '../core/protocol/envelope.js';
import { sha256Hex } from './hash.js';
import { createClassifier } from './classifier.js';
import type { createForwarder } from './forward.js';
import { flagsFor } from './holds.js';
import { initialState, ITEM_KINDS, reviewedText, type Flag, type ModerationOptions } from './moderation.js';
import type { createNotifier } from './notify.js';
import type { Classify, InsertResult, Store } from './store/index.js';

export interface Intake {
  /** Stores events (`member`: the host token's subject, if any); what needs attention is queued for the notify URL with them. */
  insert(events: MutualEnvelope[], member?: string): Promise<InsertResult>;
  /**
   * Decisions (`approved`, `hidden`, `restored`, `withdrawn`): each to the host's callback, and all queued
   * for the notify URL in one write (a bulk decision is one).
   */
  emit(decisions: { type: string; data: Record<string, unknown>; subject?: string }[]): Promise<void>;
}

/** A member as the store knows them: a hash of the host token's subject, never the subject itself. */
export const memberKey = (subject: string) => sha256Hex(`member:${subject}`);

export function createIntake(
  store: Store,
  moderation: ModerationOptions,
  senders: { forwarder?: ReturnType<typeof createForwarder>; notifier?: ReturnType<typeof createNotifier> },
): Intake {
  const { forwarder, notifier } = senders;
  /** A moderation CloudEvent. Never carries a member's text. */
  const moderationEvent = (type: string, data: Record<string, unknown>, subject?: string) =>
    createEnvelope(`org.mutual.moderation.${type}`, data, { source: 'urn:mutual:collector', subject });
  const classifier = moderation.classify ? createClassifier(moderation.classify) : undefined;
  const flagCache = new WeakMap<MutualEnvelope, Flag[]>();
  const flagsOf = (event: MutualEnvelope) => {
    let flags = flagCache.get(event);
    if (!flags) flagCache.set(event, (flags = flagsFor(reviewedText(event), moderation.blockedWords)));
    return flags;
  };
  /** The classifier's verdicts join an item's flags before it is stored (all of a batch at once). */
  const askClassifier = async (events: MutualEnvelope[]) => {
    if (!classifier) return;
    await Promise.all(
      events.map(async (event) => {
        const kind = ITEM_KINDS[event.type];
        if (!kind) return;
        const verdict = await classifier({ id: event.id, kind, text: reviewedText(event) });
        if (verdict !== 'pass') flagsOf(event).push(verdict === 'held' ? 'classifier' : 'classifier-unavailable');
      }),
    );
  };
  /** Member-written items enter moderation; a trusted member's items of the trusted kinds are post-moderated. */
  const classifyFor =
    (trusted: boolean): Classify =>
    (event) => {
      const kind = ITEM_KINDS[event.type];
      if (!kind) return null;
      const flags = flagsOf(event);
      const trustedKind = trusted && !!moderation.trust?.kinds.includes(kind);
      return { kind, flags, state: initialState(kind, flags, moderation, trustedKind) };
    };
  /** What an incoming event asks of a person: a report, or an item held for crisis language. */
  const attentionFor = (event: MutualEnvelope): MutualEnvelope | null => {
    const report = event.type === EventTypes.storyReported;
    if (!report && !(ITEM_KINDS[event.type] && flagsOf(event).includes('crisis'))) return null;
    return moderationEvent(
      'attention',
      {
        reason: report ? 'report' : 'crisis-language',
        ...(report && { report: String(event.data.reason ?? '') }),
        eventId: event.id,
      },
      event.subject,
    );
  };
  return {
    async insert(events, member) {
      await askClassifier(events);
      const notices = events.map(attentionFor);
      // Only with trust configured is a member tied to their items, and then only as a hash.
      const key = moderation.trust && member ? memberKey(member) : undefined;
      const trusted = !!key && (await store.memberTrust(key)).approved >= moderation.trust!.after;
      const result = await store.insert(events, classifyFor(trusted), {
        forward: !!forwarder,
        notices: notifier ? notices : undefined,
        members: key ? events.map(() => key) : undefined,
      });
      forwarder?.kick();
      notifier?.kick();
      notices.forEach((notice, i) => {
        if (!notice || result.statuses[i] !== 'accepted') return;
        moderation.onEvent?.(notice);
        moderation.onAttention?.(notice);
      });
      return result;
    },
    async emit(decisions) {
      const events = decisions.map(({ type, data, subject }) => moderationEvent(type, data, subject));
      for (const event of events) moderation.onEvent?.(event);
      if (!notifier || !events.length) return;
      await store.noticeAdd(events);
      notifier.kick();
    },
  };
}
