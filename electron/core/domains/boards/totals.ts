import type { DB } from '../../../../db/connection.js';
import { noticeCutoff } from '../../rules/notice.js';
import { stmt } from '../../statements.js';
import { countingEntrySql, reviewJoinSql } from '../households/account-query.js';
import { categoryTotals, monthTotals, participation, type CategoryTotals, type HouseholdScore } from './scores.js';

/**
 * The report and board figures from the totals the ledger's triggers keep (migration 008:
 * report_day_totals, report_household_months) instead of summing every entry of the period. They
 * must equal what scores.ts computes from the ledger rows (report-totals.test.ts checks it after
 * random histories, with and without approvals in notice).
 *
 * The totals count an approval at once. With a public-notice period, the approvals still in notice
 * (reviewed after `cutoff`: the last N days' reviews, found through point_reviews_approved_at) are
 * read from the ledger and taken back out: their points are subtracted, and so are their days from
 * the day bits of their household; a household left with no day of its own in the period is looked up
 * in the ledger (another entry on the same day may still count).
 */

/** The months of a period inside one year, and the bits of its days in each (k7 for July…). */
function periodMonths(from: string, to: string): { months: number[]; masks: Record<string, number> } {
  const [fm, fd, tm, td] = [from.slice(5, 7), from.slice(8, 10), to.slice(5, 7), to.slice(8, 10)].map(Number);
  const months = Array.from({ length: tm - fm + 1 }, (_, i) => fm + i);
  return { months, masks: Object.fromEntries(months.map((m) => [`k${m}`, dayBits(m === fm ? fd : 1, m === tm ? td : 31)])) };
}

/** Days lo…hi of a month as bits lo-1…hi-1 (at most bit 30: plain 32-bit integers). */
const dayBits = (lo: number, hi: number) => 2 ** hi - 2 ** (lo - 1);

/**
 * A row of report_household_months has a counting entry on a day of the period. Only the period's
 * month columns are read (the SQL names month numbers only; the day bits are bound).
 */
const activeSql = (months: number[]) => `(${months.map((m) => `(d${m} & @k${m})`).join(' | ')}) <> 0`;

/** The period is whole calendar months of one year, so month totals add up to it exactly. */
function wholeMonths(from: string, to: string): boolean {
  const last = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).getUTCDate();
  return from.slice(0, 4) === to.slice(0, 4) && from.slice(8, 10) === '01' && Number(to.slice(8, 10)) === last;
}

interface InNotice {
  household_id: number;
  category: string;
  occurred_on: string;
  kind: string;
  heading: string;
  points: number;
}

/**
 * Past this many rows in notice, taking them back out costs about what summing the ledger does
 * (some 10 µs a row for the report, less than half that for a board, against 12 s and 1.3 s at
 * county scale), so the callers sum the ledger instead.
 */
export const noticeLimits = { report: 500_000, board: 200_000 };

/**
 * Counting rows (entries, and reversals of them) whose approval is still in notice at `cutoff`, in
 * the period; null when there are more than `limit`.
 */
function inNotice(db: DB, from: string, to: string, cutoff: string, limit: number): InNotice[] | null {
  if (cutoff >= noticeCutoff(new Date(), 0)) return []; // no notice period: every approval counts
  // CROSS JOIN keeps the planner on the reviews of the last days (point_reviews_approved_at), not on every entry.
  const rows = stmt(
    db,
    `SELECT e.household_id, e.category, e.occurred_on, e.kind, o.kind AS heading, e.points
    FROM point_reviews r INDEXED BY point_reviews_approved_at CROSS JOIN point_entries o CROSS JOIN point_entries e
    WHERE r.decision = 'approve' AND r.reviewed_at > @cutoff AND o.id = r.entry_id AND o.reverses_id IS NULL
      AND (e.id = o.id OR e.reverses_id = o.id) AND e.occurred_on BETWEEN @from AND @to LIMIT @limit`,
  ).all({ from, to, cutoff, limit: limit + 1 }) as InNotice[];
  return rows.length > limit ? null : rows;
}

/**
 * For each household with an entry in notice: which of its categories still have a counting entry in
 * the period at `cutoff`, and whether any does. Every such household and category is active in the
 * totals (the entry in notice is in them).
 */
function stillCounting(db: DB, from: string, to: string, cutoff: string, pending: InNotice[]): Map<number, { categories: Set<string>; any: boolean }> {
  const year = Number(from.slice(0, 4));
  const { months, masks } = periodMonths(from, to);
  // The days of the entries in notice, per household, category and month.
  const pendingDays = new Map<number, Map<string, number[]>>();
  for (const p of pending) {
    if (!pendingDays.has(p.household_id)) pendingDays.set(p.household_id, new Map());
    const cats = pendingDays.get(p.household_id)!;
    if (!cats.has(p.category)) cats.set(p.category, new Array(13).fill(0));
    if (p.kind !== 'reversal') {
      const day = Number(p.occurred_on.slice(8, 10));
      cats.get(p.category)![Number(p.occurred_on.slice(5, 7))] |= dayBits(day, day);
    }
  }
  const rowsOf = stmt(db, `SELECT category, ${months.map((m) => `d${m}`).join(', ')} FROM report_household_months WHERE year = ? AND household_id = ?`);
  const ledger = stmt(
    db,
    `SELECT 1 FROM point_entries e ${reviewJoinSql}
    WHERE e.household_id = @h AND e.category = @category AND e.kind <> 'reversal' AND e.occurred_on BETWEEN @from AND @to AND ${countingEntrySql} LIMIT 1`,
  );
  const out = new Map<number, { categories: Set<string>; any: boolean }>();
  for (const [h, cats] of pendingDays) {
    const still = new Set<string>();
    for (const row of rowsOf.all(year, h) as Record<string, number | string>[]) {
      const c = row.category as string;
      const days = cats.get(c);
      const active = months.some((m) => ((row[`d${m}`] as number) & masks[`k${m}`]) !== 0);
      const ownDay = months.some((m) => ((row[`d${m}`] as number) & masks[`k${m}`] & ~(days?.[m] ?? 0)) !== 0);
      // A day of its own counts for sure; a day shared with an entry in notice may hold another entry that counts.
      if (ownDay || (active && ledger.get({ h, category: c, from, to, cutoff }))) still.add(c);
    }
    out.set(h, { categories: still, any: still.size > 0 });
  }
  return out;
}

export interface PointFigures {
  byCategory: CategoryTotals[];
  /** Households with any counting entry in the period. */
  withPoints: number;
  months: { month: string; awarded: number; deducted: number }[];
}

/** What categoryTotals, participation and monthTotals (scores.ts) give for reports.summary, from the totals. */
export function pointFigures(db: DB, from: string, to: string, cutoff: string): PointFigures {
  const pending = inNotice(db, from, to, cutoff, noticeLimits.report);
  if (!pending) {
    return {
      byCategory: categoryTotals(db, from, to, cutoff),
      withPoints: participation(db, from, to, cutoff).withPoints,
      months: monthTotals(db, from, to, cutoff),
    };
  }
  const year = Number(from.slice(0, 4));
  const { months, masks } = periodMonths(from, to);
  const cats = stmt(
    db,
    `SELECT category, SUM(awarded) AS awarded, SUM(deducted) AS deducted, SUM(entries) AS entries, SUM(counted) AS counted
    FROM report_day_totals WHERE occurred_on BETWEEN @from AND @to GROUP BY category ORDER BY category`,
  ).all({ from, to }) as (Omit<CategoryTotals, 'households'> & { counted: number })[];
  const households = new Map(
    (
      stmt(
        db,
        `SELECT category, COUNT(*) AS n FROM report_household_months
    WHERE year = @year AND ${activeSql(months)} GROUP BY category`,
      ).all({ year, ...masks }) as { category: string; n: number }[]
    ).map((r) => [r.category, r.n]),
  );
  let withPoints = (
    stmt(
      db,
      `SELECT COUNT(DISTINCT household_id) AS n FROM report_household_months
    WHERE year = @year AND ${activeSql(months)}`,
    ).get({ year, ...masks }) as { n: number }
  ).n;
  const byMonth = new Map(
    (
      stmt(
        db,
        `SELECT substr(occurred_on, 1, 7) AS month, SUM(awarded) AS awarded, SUM(deducted) AS deducted
    FROM report_day_totals WHERE occurred_on BETWEEN @from AND @to GROUP BY month`,
      ).all({ from, to }) as PointFigures['months']
    ).map((m) => [m.month, m]),
  );

  if (pending.length) {
    const cat = new Map(cats.map((c) => [c.category, c]));
    for (const p of pending) {
      const awarded = p.heading === 'award' ? p.points : 0;
      const deducted = p.heading === 'deduction' ? -p.points : 0;
      const c = cat.get(p.category)!;
      const m = byMonth.get(p.occurred_on.slice(0, 7))!;
      c.awarded -= awarded;
      c.deducted -= deducted;
      c.counted -= 1;
      if (p.kind !== 'reversal') c.entries -= 1;
      m.awarded -= awarded;
      m.deducted -= deducted;
    }
    const touched = new Map<number, Set<string>>();
    for (const p of pending) (touched.get(p.household_id) ?? touched.set(p.household_id, new Set()).get(p.household_id)!).add(p.category);
    for (const [h, still] of stillCounting(db, from, to, cutoff, pending)) {
      for (const c of touched.get(h)!) if (!still.categories.has(c)) households.set(c, households.get(c)! - 1);
      if (!still.any) withPoints--;
    }
  }
  return {
    byCategory: cats
      .filter((c) => c.counted > 0)
      .map((c) => ({ category: c.category, awarded: c.awarded, deducted: c.deducted, entries: c.entries, households: households.get(c.category) ?? 0 })),
    withPoints,
    months: months
      .map((m) => `${from.slice(0, 4)}-${String(m).padStart(2, '0')}`)
      .map((month) => ({ month, awarded: byMonth.get(month)?.awarded ?? 0, deducted: byMonth.get(month)?.deducted ?? 0 })),
  };
}

/**
 * householdScores (scores.ts) for a period of whole months, from the month totals: the households
 * with a counting entry in the period and their points. Null for any other period, or with too many
 * approvals in notice (the caller then sums the ledger).
 */
export function householdScoresFromTotals(db: DB, from: string, to: string, cutoff: string): HouseholdScore[] | null {
  if (!wholeMonths(from, to)) return null;
  const pending = inNotice(db, from, to, cutoff, noticeLimits.board);
  if (!pending) return null;
  const year = Number(from.slice(0, 4));
  const { months, masks } = periodMonths(from, to);
  const rows = stmt(
    db,
    `SELECT h.id, h.head_name, h.card_no, h.grp, s.score FROM (
      SELECT household_id AS hid, SUM(${months.map((m) => `p${m}`).join(' + ')}) AS score
      FROM report_household_months WHERE year = @year AND ${activeSql(months)} GROUP BY household_id) s
    JOIN households h ON h.id = s.hid`,
  ).all({ year, ...masks }) as { id: number; head_name: string; card_no: string; grp: string; score: number }[];
  const scores = rows.map((r) => ({ householdId: r.id, headName: r.head_name, cardNo: r.card_no, group: r.grp, score: r.score }));
  if (!pending.length) return scores;
  const less = new Map<number, number>();
  for (const p of pending) less.set(p.household_id, (less.get(p.household_id) ?? 0) + p.points);
  const still = stillCounting(db, from, to, cutoff, pending);
  return scores.flatMap((s) => {
    if (!less.has(s.householdId)) return [s];
    return still.get(s.householdId)!.any ? [{ ...s, score: s.score - less.get(s.householdId)! }] : [];
  });
}
