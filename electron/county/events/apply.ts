import type pg from 'pg';
import { householdTokens, householdYears, households, ledgerLines, redemptionLines, type Findings } from './bulk.js';
import { checkDayClose, checkDayCloseAgainstLines, type Finding } from './checks.js';
import type { UpwardPayload, UpwardType } from './schemas.js';

/**
 * One writer per upward event type: each applies a parsed, checked payload inside the push's
 * transaction, or returns a finding (then nothing of it is applied and it is kept as a conflict).
 * `v` is always the village of the link that signed the push.
 */
type Appliers = { [T in UpwardType]: (c: pg.PoolClient, v: string, p: UpwardPayload<T>) => Promise<Finding | null> };

const month = (date: string) => Number(date.slice(5, 7));

async function one<P>(writer: (c: pg.PoolClient, v: string, run: P[]) => Promise<Findings>, c: pg.PoolClient, v: string, p: P): Promise<Finding | null> {
  return (await writer(c, v, [p])).get(0) ?? null;
}

async function knownHousehold(c: pg.PoolClient, v: string, householdId: number): Promise<Finding | null> {
  const n = (await c.query('SELECT 1 FROM households WHERE village_code = $1 AND household_id = $2', [v, householdId])).rowCount;
  return n ? null : { reason: 'unknown_household', detail: `本村未报送过户 ${householdId} (household never reported by this village)` };
}

const alreadyReported = (what: string): Finding => ({ reason: 'already_reported', detail: `${what} 已报送过，内容不同的重复报送不予采用 (reported before)` });

async function addMonth(c: pg.PoolClient, v: string, year: number, m: number, col: 'awarded' | 'deducted' | 'redeemed_goods' | 'redeemed_services', n: number) {
  await c.query(
    `INSERT INTO village_months (village_code, year, month, ${col}) VALUES ($1, $2, $3, $4)
    ON CONFLICT (village_code, year, month) DO UPDATE SET ${col} = village_months.${col} + EXCLUDED.${col}`,
    [v, year, m, n],
  );
}

export const appliers: Appliers = {
  // The busy types have one writer, run-wise (bulk.ts); a single event is a run of one.
  household: (c, v, p) => one(households, c, v, p),
  'household.year': (c, v, p) => one(householdYears, c, v, p),
  'ledger.line': (c, v, p) => one(ledgerLines, c, v, p),
  'redemption.line': (c, v, p) => one(redemptionLines, c, v, p),
  'household.token': (c, v, p) => one(householdTokens, c, v, p),

  async 'redemption.void'(c, v, p) {
    const lines = (
      await c.query(
        `UPDATE redemption_lines SET voided = true WHERE village_code = $1 AND receipt_no = $2 AND NOT voided
      RETURNING year, local_date, item_kind, points`,
        [v, p.receiptNo],
      )
    ).rows as { year: number; local_date: string; item_kind: string; points: number }[];
    if (!lines.length) return { reason: 'unknown_receipt', detail: `作废的小票 ${p.receiptNo} 未报送或已作废 (receipt unknown or already void)` };
    for (const l of lines) await addMonth(c, v, l.year, month(l.local_date), l.item_kind === 'goods' ? 'redeemed_goods' : 'redeemed_services', -l.points);
    return null;
  },

  async 'day.close'(c, v, p) {
    const f = checkDayClose(p);
    if (f) return f;
    const lines = (
      await c.query(
        `SELECT COUNT(DISTINCT receipt_no)::int AS receipts, COALESCE(SUM(points), 0) AS points FROM redemption_lines
      WHERE village_code = $1 AND counter_id = $2 AND local_date = $3`,
        [v, p.counterId, p.date],
      )
    ).rows[0] as { receipts: number; points: number };
    const g = checkDayCloseAgainstLines(p, lines);
    if (g) return g;
    const inserted = (
      await c.query(
        `INSERT INTO day_closes (village_code, counter_id, close_no, local_date, count, points, voids, void_points)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [v, p.counterId, p.closeNo, p.date, p.count, p.points, p.voids, p.voidPoints],
      )
    ).rowCount;
    return inserted ? null : alreadyReported(`日结 ${p.counterId}-${p.closeNo}`);
  },

  async board(c, v, p) {
    const inserted = (
      await c.query(
        `INSERT INTO boards (village_code, publication_id, year, quarter, action, withdraws_id, snapshot, at)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [v, p.publicationId, p.year, p.quarter, p.action, p.withdrawsId, p.snapshot === null ? null : JSON.stringify(p.snapshot), p.at],
      )
    ).rowCount;
    return inserted ? null : alreadyReported(`红黑榜 ${p.publicationId}`);
  },

  async 'award.decision'(c, v, p) {
    const f = await knownHousehold(c, v, p.householdId);
    if (f) return f;
    const inserted = (
      await c.query(
        `INSERT INTO award_decisions (village_code, decision_id, award, year, household_id, decision, score)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [v, p.decisionId, p.award, p.year, p.householdId, p.decision, p.score],
      )
    ).rowCount;
    return inserted ? null : alreadyReported(`评选结果 ${p.decisionId}`);
  },

  async funding(c, v, p) {
    const inserted = (
      await c.query(
        `INSERT INTO funding (village_code, movement_id, year, month, source, item_name, qty, unit_cost_fen)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [v, p.movementId, Number(p.date.slice(0, 4)), month(p.date), p.source, p.itemName, p.qty, p.unitCostFen],
      )
    ).rowCount;
    return inserted ? null : alreadyReported(`入库 ${p.movementId}`);
  },
};
