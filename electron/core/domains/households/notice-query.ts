import type { DB } from '../../../../db/connection.js';
import { noticeSummary, type NoticeSummary, type ReviewedPoints } from '../../rules/notice.js';
import { villageDate } from '../../rules/village-date.js';
import { stmt } from '../../statements.js';
import { officeSettings } from '../office/office-settings.js';
import { cutoffAt } from './account-query.js';

// Reversals wait exactly as long as what they reverse (the review of COALESCE(reverses_id, id)), as account-query counts them.
const inNoticeSql = `SELECT e.household_id AS householdId, e.points, r.reviewed_at AS reviewedAt FROM point_entries e
  JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id)
  WHERE e.year = @year AND r.decision = 'approve' AND r.reviewed_at > @cutoff`;

/**
 * A household's approved points still in their public-notice period (公示中 N 分) and the village date
 * from which they count; null when nothing waits (or the village has no notice period).
 */
export function householdNotice(db: DB, householdId: number, year: number, now: Date, timeZone: string): NoticeSummary | null {
  const days = officeSettings(db).noticeDays;
  if (days <= 0) return null;
  const rows = stmt(db, `${inNoticeSql} AND e.household_id = @h ORDER BY r.reviewed_at, e.id`).all({
    year,
    h: householdId,
    cutoff: cutoffAt(db, now),
  }) as ReviewedPoints[];
  return noticeSummary(rows, now, days, (d) => villageDate(d, timeZone));
}

/** Every household's notice, for the roster: household id → summary (only households with points waiting). */
export function noticeByHousehold(db: DB, year: number, now: Date, timeZone: string): Map<number, NoticeSummary> {
  const out = new Map<number, NoticeSummary>();
  const days = officeSettings(db).noticeDays;
  if (days <= 0) return out;
  const rows = stmt(db, `${inNoticeSql} ORDER BY r.reviewed_at, e.id`).all({ year, cutoff: cutoffAt(db, now) }) as (ReviewedPoints & {
    householdId: number;
  })[];
  const by = new Map<number, ReviewedPoints[]>();
  for (const r of rows) by.set(r.householdId, [...(by.get(r.householdId) ?? []), r]);
  for (const [h, list] of by) {
    const s = noticeSummary(list, now, days, (d) => villageDate(d, timeZone));
    if (s) out.set(h, s);
  }
  return out;
}

/** How much of each item a household has redeemed this year (voided receipts excluded): the counter checks per-item limits with it. */
export function itemUse(db: DB, householdId: number, year: number): { itemId: number; qty: number }[] {
  return stmt(
    db,
    `SELECT l.item_id AS itemId, SUM(l.qty) AS qty FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id
    WHERE d.household_id = ? AND d.year = ? AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)
    GROUP BY l.item_id ORDER BY l.item_id`,
  ).all(householdId, year) as { itemId: number; qty: number }[];
}
