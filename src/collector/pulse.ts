// The community pulse (GET /moderation/pulse): what happened per day, as counts only, and how soon
// moderators first looked at what members wrote.
import { EventTypes } from '../core/protocol/envelope.js';
import type { Store } from './store/index.js';

const WEEK = 7 * 864e5;

/** How soon a moderator first looked at the items of one week: seconds, median and 90th percentile. */
export interface LookTimes {
  /** Items a moderator opened or decided. */
  looked: number;
  /** Items waiting for review that no one has opened yet (published without review, as imports are, is not waiting). */
  waiting: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** The value below which `share` of the sorted `values` lie (nearest rank). */
const percentile = (sorted: number[], share: number) =>
  sorted.length ? sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)] : null;

function lookTimes(rows: { receivedAt: string; lookedAt: string | null; pending: boolean }[]): LookTimes {
  const seconds = rows
    .filter((r) => r.lookedAt !== null)
    .map((r) => Math.max(0, (Date.parse(r.lookedAt!) - Date.parse(r.receivedAt)) / 1000))
    .sort((a, b) => a - b);
  const round = (v: number | null) => (v === null ? null : Math.round(v));
  return {
    looked: seconds.length,
    waiting: rows.filter((r) => r.lookedAt === null && r.pending).length,
    medianSeconds: round(percentile(seconds, 0.5)),
    p90Seconds: round(percentile(seconds, 0.9)),
  };
}

/**
 * The time from an item's arrival to a moderator's first look (opening it, or deciding it), this week
 * against the week before, for every item and for those with crisis language. It describes moderators'
 * work, never a member: no text, no writer.
 */
export function firstLook(
  rows: { receivedAt: string; lookedAt: string | null; pending: boolean; crisis: boolean }[],
  now: number,
) {
  const week = (back: number) =>
    rows.filter((r) => {
      const at = Date.parse(r.receivedAt);
      return at > now - (back + 1) * WEEK && at <= now - back * WEEK;
    });
  const pair = (keep: (r: (typeof rows)[number]) => boolean) => ({
    thisWeek: lookTimes(week(0).filter(keep)),
    lastWeek: lookTimes(week(1).filter(keep)),
  });
  return { all: pair(() => true), crisis: pair((r) => r.crisis) };
}

/**
 * The community pulse: per UTC day, aggregate counts only. Any bucket under 5 is reported as
 * "fewer than 5" (`"<5"`), so that no single person's check-in can be picked out.
 */
export async function pulse(store: Store, days: number, now: number) {
  const start = new Date(now - (days - 1) * 864e5);
  const from = start.toISOString().slice(0, 10);
  const rows = await store.daily(from);
  const hide = (n: number) => (n > 0 && n < 5 ? '<5' : n);
  const out = Array.from({ length: days }, (_, i) => {
    const day = new Date(start.getTime() + i * 864e5).toISOString().slice(0, 10);
    const of = (type: string) => rows.filter((r) => r.day === day && r.type === type).reduce((n, r) => n + r.n, 0);
    const moods = Object.fromEntries(
      [1, 2, 3, 4, 5].map((m) => [
        m,
        hide(
          rows
            .filter((r) => r.day === day && r.type === EventTypes.checkinSubmitted && Number(r.mood) === m)
            .reduce((n, r) => n + r.n, 0),
        ),
      ]),
    );
    return {
      day,
      checkins: hide(of(EventTypes.checkinSubmitted)),
      moods,
      reactions: hide(of(EventTypes.reactionAdded)),
      responses: hide(of(EventTypes.storyResponse)),
      reports: hide(of(EventTypes.storyReported)),
      crisisShown: hide(of(EventTypes.checkinCrisisShown)),
    };
  });
  return {
    days: out,
    hiddenBelow: 5,
    firstLook: firstLook(await store.firstLooks(new Date(now - 14 * 864e5).toISOString()), now),
  };
}
