import type { DB } from '../../../../db/connection.js';
import { countingEntrySql, reviewJoinSql } from '../households/account-query.js';
import { stmt } from '../../statements.js';

/**
 * Scores straight from the point ledger, counting exactly the entries a household's account counts
 * (approved, past the public-notice period, with their reversals): one predicate, shared with
 * loadAccount. Redemptions are never read here, so redeeming cannot lower a board or award score.
 * Entries belong to periods by occurred_on, the village date the deed happened.
 */

export interface HouseholdScore {
  householdId: number;
  headName: string;
  cardNo: string;
  group: string;
  score: number;
}

export function householdScores(db: DB, from: string, to: string, cutoff: string): HouseholdScore[] {
  // Summed per household first and joined to households after: one household lookup per household,
  // not per entry (a county quarter has millions of entries and a few hundred thousand households).
  return (
    stmt(
      db,
      `SELECT h.id, h.head_name, h.card_no, h.grp, s.score FROM (
      SELECT e.household_id AS hid, SUM(e.points) AS score
      FROM point_entries e ${reviewJoinSql}
      WHERE e.occurred_on BETWEEN @from AND @to AND ${countingEntrySql}
      GROUP BY e.household_id) s JOIN households h ON h.id = s.hid`,
    ).all({ from, to, cutoff }) as { id: number; head_name: string; card_no: string; grp: string; score: number }[]
  ).map((r) => ({ householdId: r.id, headName: r.head_name, cardNo: r.card_no, group: r.grp, score: r.score }));
}

export interface PersonScore extends HouseholdScore {
  personId: number;
  personName: string;
  partyMember: boolean;
}

/** Entries that name a person (personId) count for that person; a member who left the roster is not proposed. */
export function personScores(db: DB, from: string, to: string, cutoff: string): PersonScore[] {
  return (
    stmt(
      db,
      `SELECT m.id AS person_id, m.name, m.party_member, h.id, h.head_name, h.card_no, h.grp, SUM(e.points) AS score
    FROM point_entries e ${reviewJoinSql} JOIN members m ON m.id = e.person_id JOIN households h ON h.id = m.household_id
    WHERE e.person_id IS NOT NULL AND m.active = 1 AND e.occurred_on BETWEEN @from AND @to AND ${countingEntrySql}
    GROUP BY m.id`,
    ).all({ from, to, cutoff }) as {
      person_id: number;
      name: string;
      party_member: number;
      id: number;
      head_name: string;
      card_no: string;
      grp: string;
      score: number;
    }[]
  ).map((r) => ({
    householdId: r.id,
    headName: r.head_name,
    cardNo: r.card_no,
    group: r.grp,
    score: r.score,
    personId: r.person_id,
    personName: r.name,
    partyMember: r.party_member === 1,
  }));
}

export interface CategoryTotals {
  category: string;
  awarded: number;
  deducted: number;
  entries: number;
  households: number;
}

/**
 * Per category, a reversal nets against the kind of entry it reverses: reversing an award lowers
 * "awarded", it is not a deduction. Deducted is a positive magnitude; entries counts originals only.
 */
export function categoryTotals(db: DB, from: string, to: string, cutoff: string, category?: string): CategoryTotals[] {
  return stmt(
    db,
    `SELECT e.category,
      COALESCE(SUM(CASE WHEN COALESCE(o.kind, e.kind) = 'award' THEN e.points END), 0) AS awarded,
      COALESCE(SUM(CASE WHEN COALESCE(o.kind, e.kind) = 'deduction' THEN -e.points END), 0) AS deducted,
      COUNT(CASE WHEN e.kind <> 'reversal' THEN 1 END) AS entries,
      COUNT(DISTINCT e.household_id) AS households
    FROM point_entries e LEFT JOIN point_entries o ON o.id = e.reverses_id ${reviewJoinSql}
    WHERE e.occurred_on BETWEEN @from AND @to AND ${countingEntrySql} AND (@category IS NULL OR e.category = @category)
    GROUP BY e.category ORDER BY e.category`,
  ).all({ from, to, cutoff, category: category ?? null }) as CategoryTotals[];
}

/** One category per household: points net of reversals, and deductions still standing (not reversed). */
export function householdCategory(db: DB, from: string, to: string, cutoff: string, category: string): Map<number, { points: number; deductions: number }> {
  const rows = stmt(
    db,
    `SELECT e.household_id AS h,
      COALESCE(SUM(CASE WHEN COALESCE(o.kind, e.kind) = 'award' THEN e.points END), 0) AS points,
      COALESCE(SUM(CASE WHEN e.kind = 'deduction' THEN 1 WHEN o.kind = 'deduction' THEN -1 END), 0) AS deductions
    FROM point_entries e LEFT JOIN point_entries o ON o.id = e.reverses_id ${reviewJoinSql}
    WHERE e.category = @category AND e.occurred_on BETWEEN @from AND @to AND ${countingEntrySql}
    GROUP BY e.household_id`,
  ).all({ from, to, cutoff, category }) as { h: number; points: number; deductions: number }[];
  return new Map(rows.map((r) => [r.h, { points: r.points, deductions: r.deductions }]));
}

/** Month by month inside the period (reports.summary's trend chart), net of reversals like categoryTotals. */
export function monthTotals(db: DB, from: string, to: string, cutoff: string): { month: string; awarded: number; deducted: number }[] {
  const pts = new Map(
    (
      stmt(
        db,
        `SELECT substr(e.occurred_on, 1, 7) AS month,
      COALESCE(SUM(CASE WHEN COALESCE(o.kind, e.kind) = 'award' THEN e.points END), 0) AS awarded,
      COALESCE(SUM(CASE WHEN COALESCE(o.kind, e.kind) = 'deduction' THEN -e.points END), 0) AS deducted
    FROM point_entries e LEFT JOIN point_entries o ON o.id = e.reverses_id ${reviewJoinSql}
    WHERE e.occurred_on BETWEEN @from AND @to AND ${countingEntrySql} GROUP BY month`,
      ).all({ from, to, cutoff }) as { month: string; awarded: number; deducted: number }[]
    ).map((p) => [p.month, p]),
  );
  const months: string[] = [];
  for (let m = Number(from.slice(5, 7)); m <= Number(to.slice(5, 7)); m++) months.push(`${from.slice(0, 4)}-${String(m).padStart(2, '0')}`);
  return months.map((month) => ({ month, awarded: pts.get(month)?.awarded ?? 0, deducted: pts.get(month)?.deducted ?? 0 }));
}

/** Households with any counted entry in the period, against all households on the roster. */
export function participation(db: DB, from: string, to: string, cutoff: string): { households: number; withPoints: number } {
  const households = (stmt(db, 'SELECT COUNT(*) AS n FROM households').get() as { n: number }).n;
  const withPoints = (
    stmt(
      db,
      `SELECT COUNT(DISTINCT e.household_id) AS n FROM point_entries e ${reviewJoinSql}
    WHERE e.kind <> 'reversal' AND e.occurred_on BETWEEN @from AND @to AND ${countingEntrySql}`,
    ).get({ from, to, cutoff }) as { n: number }
  ).n;
  return { households, withPoints };
}
