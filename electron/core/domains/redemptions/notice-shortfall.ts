import type { Ctx } from '../../context.js';
import { countsFrom } from '../../rules/notice.js';
import { stmt } from '../../statements.js';
import { cutoffAt } from '../households/account-query.js';
import { officeSettings } from '../office/office-settings.js';

/**
 * When a redemption is short only because approved points are still in their public-notice period
 * (公示期), the village date from which enough of them count; null when notice would not cover it.
 * Runs only on the refusal path, so the counter can say "in notice until …" instead of a bare shortfall.
 */
export function noticeShortfall(ctx: Ctx, householdId: number, year: number, shortBy: number): { inNotice: number; countsFrom: string } | null {
  const days = officeSettings(ctx.db).noticeDays;
  if (days <= 0) return null;
  // Reversals count when what they reverse counts, so they join on the original's review (as account-query does).
  const rows = stmt(
    ctx.db,
    `SELECT e.points, r.reviewed_at FROM point_entries e
    JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id)
    WHERE e.household_id = ? AND e.year = ? AND r.decision = 'approve' AND r.reviewed_at > ?
    ORDER BY r.reviewed_at, e.id`,
  ).all(householdId, year, cutoffAt(ctx.db, ctx.now)) as { points: number; reviewed_at: string }[];
  const inNotice = rows.reduce((s, x) => s + x.points, 0);
  let covered = 0;
  for (const x of rows) {
    covered += x.points;
    if (covered >= shortBy && inNotice >= shortBy) return { inNotice, countsFrom: ctx.dateOf(new Date(countsFrom(x.reviewed_at, days))) };
  }
  return null;
}
