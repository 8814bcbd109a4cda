import type { DB } from '../../../../db/connection.js';
import { stmt } from '../../statements.js';
import { loadAccount } from '../households/account-query.js';
import type { RedemptionFacts } from './facts.js';

/**
 * The rows a redemption is: its header, its lines and the goods' stock movements. The counter that
 * commits it and a database that applies it later (office, other counters) write them here, so both
 * hold the same rows for the same facts.
 */
export function writeRedemptionRows(db: DB, f: RedemptionFacts): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO redemptions (receipt_no, counter_id, year, household_id, kind, total_points, request_id, request_hash,
      result, operator_id, override_by, override_reason, at, local_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      f.receiptNo,
      f.counterId,
      f.year,
      f.householdId,
      f.kind,
      f.totalPoints,
      f.requestId,
      f.requestHash,
      f.result,
      f.operatorId,
      f.overrideBy,
      f.overrideReason,
      f.at,
      f.localDate,
    ).lastInsertRowid,
  );
  const insertLine = stmt(
    db,
    `INSERT INTO redemption_lines (redemption_id, item_id, item_name, item_kind, unit, qty, unit_points, line_points, provider_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMove = stmt(db, `INSERT INTO stock_movements (item_id, delta, kind, redemption_id, user_id, at) VALUES (?, ?, 'redeem', ?, ?, ?)`);
  for (const l of f.lines) {
    insertLine.run(id, l.itemId, l.name, l.kind, l.unit, l.qty, l.unitPoints, l.linePoints, l.providerId);
    if (l.kind === 'goods') insertMove.run(l.itemId, -l.qty, id, f.operatorId, f.at);
  }
  return id;
}

/** A void row and the movements that put the redeemed goods back on the shelf. */
export function writeVoidRows(db: DB, v: { redemptionId: number; reason: string; userId: number; supervisorId: number; at: string }): number {
  const voidId = Number(
    stmt(db, 'INSERT INTO redemption_voids (redemption_id, reason, user_id, supervisor_id, at) VALUES (?, ?, ?, ?, ?)').run(
      v.redemptionId,
      v.reason,
      v.userId,
      v.supervisorId,
      v.at,
    ).lastInsertRowid,
  );
  const goods = stmt(db, `SELECT item_id, SUM(qty) AS qty FROM redemption_lines WHERE redemption_id = ? AND item_kind = 'goods' GROUP BY item_id`).all(
    v.redemptionId,
  ) as { item_id: number; qty: number }[];
  const insertMove = stmt(db, `INSERT INTO stock_movements (item_id, delta, kind, redemption_id, reason, user_id, at) VALUES (?, ?, 'void', ?, ?, ?, ?)`);
  for (const g of goods) insertMove.run(g.item_id, g.qty, v.redemptionId, v.reason, v.userId, v.at);
  // The void slip's balance, as of this void: a reprint later must show the same number.
  const r = stmt(db, 'SELECT household_id, year FROM redemptions WHERE id = ?').get(v.redemptionId) as { household_id: number; year: number };
  stmt(db, 'INSERT INTO void_slips (redemption_id, available_after, at) VALUES (?, ?, ?)').run(
    v.redemptionId,
    loadAccount(db, r.household_id, r.year, new Date(v.at)).available,
    v.at,
  );
  return voidId;
}
