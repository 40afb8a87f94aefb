import type Database from 'better-sqlite3';
import { EventTypes } from '../../core/protocol/envelope.js';
import type { SyncStore } from './sqlite.js';

/** What hosts see in aggregate: reports per story, and the pulse's counts per day. */
export function sqliteInsights(db: Database.Database): Pick<SyncStore, 'reports' | 'daily'> {
  // Reports since the last decision on the story they are about: a moderator's Approve or Hide resolves them.
  const reportsQuery = db.prepare(
    `SELECT r.subject, json_extract(r.envelope, '$.data.reason') AS reason, COUNT(*) AS n, MAX(r.received_at) AS latest,
            i.seq AS item, i.state
     FROM events r LEFT JOIN text_ids t ON t.id = r.subject
       LEFT JOIN events s ON s.source = t.source AND s.id = t.event LEFT JOIN items i ON i.seq = s.seq
     WHERE r.type = @type AND r.subject IS NOT NULL
       AND r.received_at > COALESCE((SELECT MAX(a.at) FROM audit a WHERE a.item = i.seq AND a.action IN ('approve', 'hide')), '')
     GROUP BY r.subject, reason`,
  );
  const dailyQuery = db.prepare(
    `SELECT substr(received_at, 1, 10) AS day, type,
            CASE WHEN type = @checkin THEN json_extract(envelope, '$.data.mood') END AS mood, COUNT(*) AS n
     FROM events WHERE received_at >= @from GROUP BY day, type, mood`,
  );
  return {
    reports: () => reportsQuery.all({ type: EventTypes.storyReported }) as ReturnType<SyncStore['reports']>,
    daily: (from) => dailyQuery.all({ from, checkin: EventTypes.checkinSubmitted }) as ReturnType<SyncStore['daily']>,
  };
}
