import type { DB } from '../../../../db/connection.js';
import { notFound } from '../../errors.js';
import { stmt } from '../../statements.js';

interface RedemptionRow {
  id: number;
  receipt_no: string;
  household_id: number;
  head_name: string;
  name_initials: string;
  card_no: string;
  kind: string;
  total_points: number;
  at: string;
  local_date: string;
  operator_name: string;
  voided_at: string | null;
  void_reason: string | null;
}

const select = `SELECT d.id, d.receipt_no, d.household_id, h.head_name, h.name_initials, h.card_no, d.kind, d.total_points, d.at, d.local_date,
    u.name AS operator_name, v.at AS voided_at, v.reason AS void_reason
  FROM redemptions d JOIN households h ON h.id = d.household_id JOIN users u ON u.id = d.operator_id
  LEFT JOIN redemption_voids v ON v.redemption_id = d.id`;

function toSummary(r: RedemptionRow) {
  return {
    id: r.id,
    receiptNo: r.receipt_no,
    householdId: r.household_id,
    headName: r.head_name,
    // 今日兑换's search finds 张三丰 by "zsf" without the renderer carrying a pinyin dictionary.
    headInitials: r.name_initials,
    cardNo: r.card_no,
    kind: r.kind,
    totalPoints: r.total_points,
    at: r.at,
    date: r.local_date,
    operatorName: r.operator_name,
    voided: r.voided_at !== null,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

export function listRedemptions(db: DB, p: { date?: string; householdId?: number; limit: number }) {
  const rows = stmt(
    db,
    `${select} WHERE (@date IS NULL OR d.local_date = @date) AND (@household IS NULL OR d.household_id = @household)
    ORDER BY d.id DESC LIMIT @limit`,
  ).all({ date: p.date ?? null, household: p.householdId ?? null, limit: p.limit }) as RedemptionRow[];
  const lines = stmt(db, 'SELECT item_name, qty, unit FROM redemption_lines WHERE redemption_id = ? ORDER BY id');
  return rows.map((r) => ({
    ...toSummary(r),
    summary: (lines.all(r.id) as { item_name: string; qty: number; unit: string }[]).map((l) => `${l.item_name}×${l.qty}`).join('、'),
  }));
}

export function getRedemption(db: DB, id: number) {
  const r = stmt(db, `${select} WHERE d.id = ?`).get(id) as RedemptionRow | undefined;
  if (!r) throw notFound('兑换单', { reason: 'unknown_receipt', redemptionId: id });
  const lines = (
    stmt(db, 'SELECT item_id, item_name, item_kind, unit, qty, unit_points, line_points FROM redemption_lines WHERE redemption_id = ? ORDER BY id').all(id) as {
      item_id: number;
      item_name: string;
      item_kind: string;
      unit: string;
      qty: number;
      unit_points: number;
      line_points: number;
    }[]
  ).map((l) => ({ itemId: l.item_id, name: l.item_name, kind: l.item_kind, unit: l.unit, qty: l.qty, unitPoints: l.unit_points, linePoints: l.line_points }));
  return { ...toSummary(r), lines };
}
