import type { DB } from '../../../../db/connection.js';
import type { VillageSettings } from '../../settings.js';
import { notFound } from '../../errors.js';
import { stmt } from '../../statements.js';
import { loadAccount } from '../households/account-query.js';
import type { ReceiptData } from '../../../print/receipt-layout.js';
import { villageDateTime } from '../../../print/village-time.js';

interface Row {
  id: number;
  receipt_no: string;
  household_id: number;
  year: number;
  total_points: number;
  result: string;
  at: string;
  operator_id: number;
  head_name: string;
  card_no: string;
  operator_name: string;
  override_name: string | null;
  void_at: string | null;
  void_reason: string | null;
  void_operator: string | null;
  supervisor_name: string | null;
  void_available: number | null;
}

export interface Receipt {
  data: ReceiptData;
  operatorId: number;
  voided: boolean;
}

/** The balance the counter showed right after the redemption, kept in its stored answer. */
function availableAfter(db: DB, r: Row, now: Date): number {
  try {
    const available = (JSON.parse(r.result) as { account?: { available?: unknown } }).account?.available;
    if (typeof available === 'number') return available;
  } catch {
    // an unreadable answer falls through to the balance now
  }
  return loadAccount(db, r.household_id, r.year, now).available;
}

/** Everything a receipt or void slip prints, for one redemption, read from the ledger as it is now. */
export function loadReceipt(db: DB, redemptionId: number, village: VillageSettings, now: Date): Receipt {
  const r = stmt(
    db,
    `SELECT d.id, d.receipt_no, d.household_id, d.year, d.total_points, d.result, d.at, d.operator_id,
      h.head_name, h.card_no, op.name AS operator_name, ov.name AS override_name,
      v.at AS void_at, v.reason AS void_reason, vu.name AS void_operator, sup.name AS supervisor_name,
      vs.available_after AS void_available
    FROM redemptions d
    JOIN households h ON h.id = d.household_id
    JOIN users op ON op.id = d.operator_id
    LEFT JOIN users ov ON ov.id = d.override_by
    LEFT JOIN redemption_voids v ON v.redemption_id = d.id
    LEFT JOIN users vu ON vu.id = v.user_id
    LEFT JOIN users sup ON sup.id = v.supervisor_id
    LEFT JOIN void_slips vs ON vs.redemption_id = d.id
    WHERE d.id = ?`,
  ).get(redemptionId) as Row | undefined;
  if (!r) throw notFound('兑换单', { reason: 'unknown_receipt', redemptionId });
  const lines = (
    stmt(db, 'SELECT item_name, qty, unit, unit_points, line_points FROM redemption_lines WHERE redemption_id = ? ORDER BY id').all(redemptionId) as {
      item_name: string;
      qty: number;
      unit: string;
      unit_points: number;
      line_points: number;
    }[]
  ).map((l) => ({ name: l.item_name, qty: l.qty, unit: l.unit, unitPoints: l.unit_points, linePoints: l.line_points }));
  const time = (iso: string) => villageDateTime(new Date(iso), village.timeZone);
  const data: ReceiptData = {
    villageName: village.name,
    receiptNo: r.receipt_no,
    time: time(r.at),
    householdName: r.head_name,
    cardNo: r.card_no,
    lines,
    totalPoints: r.total_points,
    availableAfter: availableAfter(db, r, now),
    operatorName: r.operator_name,
    ...(r.override_name ? { overrideBy: r.override_name } : {}),
  };
  if (r.void_at) {
    data.void = {
      time: time(r.void_at),
      reason: r.void_reason ?? '',
      supervisorName: r.supervisor_name ?? '',
      operatorName: r.void_operator ?? '',
      // Voids from before migration 011 have no snapshot: the balance now is the best there is.
      availableAfter: r.void_available ?? loadAccount(db, r.household_id, r.year, now).available,
    };
  }
  return { data, operatorId: r.operator_id, voided: r.void_at !== null };
}

export function recordPrint(db: DB, redemptionId: number, kind: 'receipt' | 'reprint' | 'void', userId: number | null, at: string): void {
  stmt(db, 'INSERT INTO receipt_prints (redemption_id, kind, user_id, at) VALUES (?, ?, ?, ?)').run(redemptionId, kind, userId, at);
}
