import type { DB } from '../../../../db/connection.js';
import { account, type Account } from '../../rules/account.js';
import { stmt } from '../../statements.js';

/**
 * A household's account for a year, straight from the ledger: approved awards and deductions,
 * reversals (which count once written), and non-voided redemptions. Nothing is cached, so the
 * balance can never drift from its rows.
 */
export function loadAccount(db: DB, householdId: number, year: number): Account {
  const pts = stmt(db, `SELECT
      COALESCE(SUM(CASE WHEN e.points > 0 THEN e.points END), 0) AS awarded,
      COALESCE(SUM(CASE WHEN e.points < 0 THEN -e.points END), 0) AS deducted
    FROM point_entries e LEFT JOIN point_reviews r ON r.entry_id = e.id
    WHERE e.household_id = ? AND e.year = ? AND (e.kind = 'reversal' OR r.decision = 'approve')`)
    .get(householdId, year) as { awarded: number; deducted: number };
  const red = stmt(db, `SELECT COALESCE(SUM(d.total_points), 0) AS redeemed FROM redemptions d
    WHERE d.household_id = ? AND d.year = ? AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)`)
    .get(householdId, year) as { redeemed: number };
  return account(year, { awarded: pts.awarded, deducted: pts.deducted, redeemed: red.redeemed });
}
