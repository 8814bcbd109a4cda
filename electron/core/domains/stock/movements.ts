import type { Ctx } from '../../context.js';
import { villageDayRange } from '../../rules/village-day-range.js';
import { stmt } from '../../statements.js';

export type MovementKind = 'receive' | 'redeem' | 'void' | 'count';

interface MovementRow {
  id: number;
  at: string;
  item_id: number;
  item_name: string;
  unit: string;
  delta: number;
  kind: MovementKind;
  funding_source: string | null;
  donor: string | null;
  unit_cost_fen: number | null;
  reason: string | null;
  balance: number;
  receipt_no: string | null;
  note_no: string | null;
  sheet_no: string | null;
  user_name: string | null;
  redemption_id: number | null;
  receiving_note_id: number | null;
  stocktake_id: number | null;
}

/**
 * The stock ledger, with each row's running balance for its item. The balance is summed over the
 * item's whole history, not just the rows shown, so a filtered page still reads true.
 */
export function listMovements(ctx: Ctx, p: { itemId?: number; from?: string; to?: string; kind?: MovementKind; limit: number }) {
  const range = p.from || p.to ? villageDayRange(p.from ?? '2000-01-01', p.to ?? '2100-12-31', ctx.village.timeZone) : null;
  const rows = stmt(
    ctx.db,
    `SELECT x.*, c.name AS item_name, c.unit, d.receipt_no, n.note_no, t.sheet_no, u.name AS user_name
    FROM (SELECT m.*, SUM(m.delta) OVER (PARTITION BY m.item_id ORDER BY m.id) AS balance
          FROM stock_movements m WHERE (@item IS NULL OR m.item_id = @item)) x
    JOIN catalog_items c ON c.id = x.item_id
    LEFT JOIN redemptions d ON d.id = x.redemption_id
    LEFT JOIN receiving_notes n ON n.id = x.receiving_note_id
    LEFT JOIN stocktakes t ON t.id = x.stocktake_id
    LEFT JOIN users u ON u.id = x.user_id
    WHERE (@start IS NULL OR x.at >= @start) AND (@end IS NULL OR x.at < @end) AND (@kind IS NULL OR x.kind = @kind)
    ORDER BY x.id DESC LIMIT @limit`,
  ).all({
    item: p.itemId ?? null,
    start: range?.startIso ?? null,
    end: range?.endIso ?? null,
    kind: p.kind ?? null,
    limit: p.limit + 1,
  }) as MovementRow[];
  const truncated = rows.length > p.limit;
  const items = rows
    .slice(0, p.limit)
    .reverse()
    .map((r) => ({
      id: r.id,
      at: r.at,
      date: ctx.dateOf(new Date(r.at)),
      itemId: r.item_id,
      itemName: r.item_name,
      unit: r.unit,
      delta: r.delta,
      kind: r.kind,
      fundingSource: r.funding_source,
      donor: r.donor,
      unitCostFen: r.unit_cost_fen,
      reason: r.reason,
      balance: r.balance,
      docNo: r.receipt_no ?? r.note_no ?? r.sheet_no,
      redemptionId: r.redemption_id,
      noteId: r.receiving_note_id,
      stocktakeId: r.stocktake_id,
      userName: r.user_name,
    }));
  return { items, truncated };
}

/** Active goods at or below their threshold: what the counter marks and the office home lists. */
export function lowStock(ctx: Ctx) {
  return (
    stmt(
      ctx.db,
      `SELECT c.id, c.name, c.unit, c.barcode, c.category, COALESCE(s.qty, 0) AS stock, c.low_stock_threshold
      FROM catalog_items c LEFT JOIN stock_levels s ON s.item_id = c.id
      WHERE c.kind = 'goods' AND c.active = 1 AND c.low_stock_threshold IS NOT NULL AND COALESCE(s.qty, 0) <= c.low_stock_threshold
      ORDER BY COALESCE(s.qty, 0) - c.low_stock_threshold, c.name`,
    ).all() as { id: number; name: string; unit: string; barcode: string | null; category: string; stock: number; low_stock_threshold: number }[]
  ).map((r) => ({ id: r.id, name: r.name, unit: r.unit, barcode: r.barcode, category: r.category, stock: r.stock, lowStockThreshold: r.low_stock_threshold }));
}
