import type { DB } from '../../../../db/connection.js';
import { stmt } from '../../statements.js';

export interface RedemptionLineFacts {
  itemId: number; name: string; kind: 'goods' | 'service'; unit: string; qty: number; unitPoints: number; linePoints: number; providerId: number | null;
}

/**
 * Everything needed to write the same redemption in another database (the office, another counter),
 * where ids, the catalog's current names and this call's context may all differ.
 */
export interface RedemptionFacts {
  receiptNo: string; counterId: string; year: number; householdId: number; cardNo: string; kind: 'counter' | 'service';
  totalPoints: number; requestId: string; requestHash: string; result: string; at: string; localDate: string;
  operatorId: number; overrideBy: number | null; overrideReason: string | null; lines: RedemptionLineFacts[];
}

interface Row {
  receipt_no: string; counter_id: string; year: number; household_id: number; card_no: string; kind: 'counter' | 'service'; total_points: number;
  request_id: string; request_hash: string; result: string; at: string; local_date: string; operator_id: number; override_by: number | null; override_reason: string | null;
}

/** Read back from the rows just written, so the event can never say something the ledger does not. */
export function redemptionFacts(db: DB, redemptionId: number): RedemptionFacts {
  const r = stmt(db, `SELECT d.receipt_no, d.counter_id, d.year, d.household_id, h.card_no, d.kind, d.total_points, d.request_id, d.request_hash,
      d.result, d.at, d.local_date, d.operator_id, d.override_by, d.override_reason
    FROM redemptions d JOIN households h ON h.id = d.household_id WHERE d.id = ?`).get(redemptionId) as Row;
  const lines = (stmt(db, `SELECT item_id, item_name, item_kind, unit, qty, unit_points, line_points, provider_id
      FROM redemption_lines WHERE redemption_id = ? ORDER BY id`).all(redemptionId) as
      { item_id: number; item_name: string; item_kind: 'goods' | 'service'; unit: string; qty: number; unit_points: number; line_points: number; provider_id: number | null }[])
    .map((l) => ({ itemId: l.item_id, name: l.item_name, kind: l.item_kind, unit: l.unit, qty: l.qty, unitPoints: l.unit_points, linePoints: l.line_points, providerId: l.provider_id }));
  return {
    receiptNo: r.receipt_no, counterId: r.counter_id, year: r.year, householdId: r.household_id, cardNo: r.card_no, kind: r.kind,
    totalPoints: r.total_points, requestId: r.request_id, requestHash: r.request_hash, result: r.result, at: r.at, localDate: r.local_date,
    operatorId: r.operator_id, overrideBy: r.override_by, overrideReason: r.override_reason, lines,
  };
}
