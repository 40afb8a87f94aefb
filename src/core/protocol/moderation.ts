/**
 * One line of the audit log, as `…/moderation/audit` and an item's history answer it: who did what
 * to which item, when, and the reason given (never the item's words). The collector writes it; the
 * queue reads it.
 */
export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  item: number;
  reason: string;
}
