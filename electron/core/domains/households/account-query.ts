import type { DB } from '../../../../db/connection.js';
import { account, type Account } from '../../rules/account.js';
import { noticeCutoff } from '../../rules/notice.js';
import { stmt } from '../../statements.js';
import { officeSettings } from '../office/office-settings.js';

/**
 * An entry counts once its approval has passed the public-notice period; a reversal counts exactly
 * when the entry it reverses does, so reversing an entry still in notice never dips the score.
 * `r` is the review of the entry itself, or of the one a reversal points at.
 */
export const countingEntrySql = `r.decision = 'approve' AND r.reviewed_at <= @cutoff`;
export const reviewJoinSql = 'LEFT JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id)';

// A reversal nets against the heading of what it reverses: reversing an award lowers "awarded", not raises "deducted".
const awardedDeductedSql = `COALESCE(SUM(CASE WHEN e.kind = 'award' OR (e.kind = 'reversal' AND e.points < 0) THEN e.points END), 0) AS awarded,
      COALESCE(SUM(CASE WHEN e.kind = 'deduction' OR (e.kind = 'reversal' AND e.points > 0) THEN -e.points END), 0) AS deducted`;

export function cutoffAt(db: DB, now: Date): string {
  return noticeCutoff(now, officeSettings(db).noticeDays);
}

/**
 * A household's account for a year, straight from the ledger: approved awards and deductions that
 * count by `now`, their reversals, and non-voided redemptions. Nothing is cached, so the balance can
 * never drift from its rows.
 */
export function loadAccount(db: DB, householdId: number, year: number, now: Date): Account {
  // Without a notice period what counts does not depend on "now": the totals the ledger's triggers
  // keep (account_totals, migration 007) are the same sums, read with one primary-key lookup.
  if (officeSettings(db).noticeDays <= 0) {
    const t = stmt(db, 'SELECT awarded, deducted, redeemed FROM account_totals WHERE household_id = ? AND year = ?').get(householdId, year) as
      { awarded: number; deducted: number; redeemed: number } | undefined;
    return account(year, t ?? { awarded: 0, deducted: 0, redeemed: 0 });
  }
  return loadAccountFromLedger(db, householdId, year, now);
}

/** The account summed from the ledger rows themselves: the definition account_totals must always agree with. */
export function loadAccountFromLedger(db: DB, householdId: number, year: number, now: Date): Account {
  const pts = stmt(
    db,
    `SELECT
      ${awardedDeductedSql}
    FROM point_entries e ${reviewJoinSql}
    WHERE e.household_id = @h AND e.year = @year AND ${countingEntrySql}`,
  ).get({ h: householdId, year, cutoff: cutoffAt(db, now) }) as { awarded: number; deducted: number };
  const red = stmt(
    db,
    `SELECT COALESCE(SUM(d.total_points), 0) AS redeemed FROM redemptions d
    WHERE d.household_id = ? AND d.year = ? AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)`,
  ).get(householdId, year) as { redeemed: number };
  return account(year, { awarded: pts.awarded, deducted: pts.deducted, redeemed: red.redeemed });
}

/** Every household's account for a year in two grouped queries: lists and exports of hundreds of households. */
export function loadAccounts(db: DB, year: number, now: Date): Map<number, Account> {
  const pts = stmt(
    db,
    `SELECT e.household_id AS h,
      ${awardedDeductedSql}
    FROM point_entries e ${reviewJoinSql}
    WHERE e.year = @year AND ${countingEntrySql} GROUP BY e.household_id`,
  ).all({ year, cutoff: cutoffAt(db, now) }) as { h: number; awarded: number; deducted: number }[];
  const red = stmt(
    db,
    `SELECT d.household_id AS h, SUM(d.total_points) AS redeemed FROM redemptions d
    WHERE d.year = ? AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id) GROUP BY d.household_id`,
  ).all(year) as { h: number; redeemed: number }[];
  const totals = new Map<number, { awarded: number; deducted: number; redeemed: number }>();
  for (const p of pts) totals.set(p.h, { awarded: p.awarded, deducted: p.deducted, redeemed: 0 });
  for (const r of red) totals.set(r.h, { ...(totals.get(r.h) ?? { awarded: 0, deducted: 0 }), redeemed: r.redeemed });
  const out = new Map<number, Account>();
  for (const [h, t] of totals) out.set(h, account(year, t));
  return out;
}

export const emptyAccount = (year: number): Account => account(year, { awarded: 0, deducted: 0, redeemed: 0 });
