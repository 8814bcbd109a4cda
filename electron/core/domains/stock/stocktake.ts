import type { DB } from '../../../../db/connection.js';
import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { stocktakeLines, stocktakeScope, type CountInput } from '../../rules/stocktake.js';
import { stmt } from '../../statements.js';
import type { Item } from '../catalog/catalog.js';
import { nextDocNo, resolveGoods } from './documents.js';

export interface StocktakeInput {
  lines: { itemId?: number; barcode?: string; countedQty: number; expectedQty?: number; reason?: string }[];
  reason?: string;
  note?: string;
}

/**
 * Writes a stocktake sheet: every counted line, and for each variance a 'count' movement carrying its
 * reason, so stock on hand becomes what was counted and still equals the sum of its movements.
 */
export function takeStock(ctx: Ctx, p: StocktakeInput) {
  const items = new Map<number, Item>();
  const inputs: CountInput[] = p.lines.map((l, i) => {
    const item = resolveGoods(ctx.db, l, i + 1);
    items.set(item.id, item);
    return { itemId: item.id, countedQty: l.countedQty, expectedQty: l.expectedQty, reason: l.reason };
  });
  const r = stocktakeLines(inputs, (id) => items.get(id)!.stock!, p.reason ?? '');
  if (!r.ok) {
    const it = items.get(r.problem.itemId)!;
    const line = inputs.findIndex((x) => x.itemId === it.id) + 1;
    switch (r.problem.kind) {
      case 'duplicate':
        throw new AppError('INVALID_INPUT', `「${it.name}」在盘点表中出现了两次 (item counted twice)`, {
          reason: 'item_counted_twice',
          itemId: it.id,
          itemName: it.name,
        });
      case 'stale':
        throw new AppError(
          'CONFLICT',
          `「${it.name}」账面库存已从 ${r.problem.expectedQty} 变为 ${r.problem.stock}，请刷新盘点表后重新核对 (stock moved since the sheet was made)`,
          { reason: 'stock_moved', itemId: it.id, itemName: it.name, expectedQty: r.problem.expectedQty, stock: r.problem.stock, line },
        );
      case 'noReason':
        throw new AppError(
          'INVALID_INPUT',
          `第 ${line} 行「${it.name}」盘${r.problem.delta > 0 ? '盈' : '亏'} ${Math.abs(r.problem.delta)}${it.unit}，请填写差异原因 (a variance needs a reason)`,
          { reason: 'variance_needs_reason', itemId: it.id, itemName: it.name, unit: it.unit, delta: r.problem.delta, line },
        );
    }
  }
  const activeGoods = (stmt(ctx.db, "SELECT id FROM catalog_items WHERE kind = 'goods' AND active = 1").all() as { id: number }[]).map((x) => x.id);
  const scope = stocktakeScope(items.keys(), activeGoods);
  const sheetNo = nextDocNo(ctx, 'stocktake');
  const note = p.note ?? '';
  const lines = r.lines.map((l) => ({ ...l, name: items.get(l.itemId)!.name, unit: items.get(l.itemId)!.unit }));
  const sheetId = writeStocktakeRows(ctx.db, {
    sheetNo,
    counterId: ctx.counter.counterId,
    year: ctx.year,
    scope,
    note,
    userId: ctx.me.id,
    at: ctx.nowIso,
    localDate: ctx.today,
    lines,
  });
  ctx.emit('stock.stocktake', {
    sheetNo,
    scope,
    note,
    at: ctx.nowIso,
    lines: lines.map((l) => ({
      itemId: l.itemId,
      name: l.name,
      unit: l.unit,
      expectedQty: l.expectedQty,
      countedQty: l.countedQty,
      delta: l.delta,
      reason: l.reason,
    })),
  });
  return getStocktake(ctx.db, sheetId);
}

export interface StocktakeRows {
  sheetNo: string;
  counterId: string;
  year: number;
  scope: string;
  note: string;
  userId: number;
  at: string;
  localDate: string;
  lines: readonly { itemId: number; name: string; unit: string; expectedQty: number; countedQty: number; delta: number; reason: string }[];
}

/** The sheet, its lines and one adjustment per variance; the counter that counts and a database applying its event write the same rows. */
export function writeStocktakeRows(db: DB, t: StocktakeRows): number {
  const sheetId = Number(
    stmt(db, `INSERT INTO stocktakes (sheet_no, counter_id, year, scope, note, user_id, at, local_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(
      t.sheetNo,
      t.counterId,
      t.year,
      t.scope,
      t.note,
      t.userId,
      t.at,
      t.localDate,
    ).lastInsertRowid,
  );
  const move = stmt(db, `INSERT INTO stock_movements (item_id, delta, kind, reason, user_id, at, stocktake_id) VALUES (?, ?, 'count', ?, ?, ?, ?)`);
  const line = stmt(
    db,
    `INSERT INTO stocktake_lines (stocktake_id, item_id, item_name, unit, expected_qty, counted_qty, delta, reason, movement_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of t.lines) {
    const movementId = l.delta === 0 ? null : Number(move.run(l.itemId, l.delta, l.reason, t.userId, t.at, sheetId).lastInsertRowid);
    line.run(sheetId, l.itemId, l.name, l.unit, l.expectedQty, l.countedQty, l.delta, l.reason, movementId);
  }
  return sheetId;
}

interface SheetRow {
  id: number;
  sheet_no: string;
  scope: 'all' | 'partial';
  note: string;
  at: string;
  local_date: string;
  user_name: string;
}
interface SheetLineRow {
  item_id: number;
  item_name: string;
  unit: string;
  barcode: string | null;
  points: number | null;
  expected_qty: number;
  counted_qty: number;
  delta: number;
  reason: string;
}

const sheetSelect = `SELECT t.id, t.sheet_no, t.scope, t.note, t.at, t.local_date, u.name AS user_name FROM stocktakes t JOIN users u ON u.id = t.user_id`;

function summarize(lines: { delta: number }[]) {
  return {
    lineCount: lines.length,
    varianceCount: lines.filter((l) => l.delta !== 0).length,
    surplusQty: lines.reduce((s, l) => s + Math.max(l.delta, 0), 0),
    shortageQty: lines.reduce((s, l) => s + Math.max(-l.delta, 0), 0),
  };
}

/** A sheet as printed and as posted publicly (盘点公示). */
export function getStocktake(db: DB, id: number) {
  const t = stmt(db, `${sheetSelect} WHERE t.id = ?`).get(id) as SheetRow | undefined;
  if (!t) throw notFound('盘点表', { reason: 'unknown_stocktake', stocktakeId: id });
  const lines = (
    stmt(
      db,
      `SELECT l.item_id, l.item_name, l.unit, c.barcode, c.points, l.expected_qty, l.counted_qty, l.delta, l.reason
      FROM stocktake_lines l JOIN catalog_items c ON c.id = l.item_id WHERE l.stocktake_id = ? ORDER BY l.id`,
    ).all(id) as SheetLineRow[]
  ).map((l) => ({
    itemId: l.item_id,
    name: l.item_name,
    unit: l.unit,
    barcode: l.barcode,
    points: l.points,
    expectedQty: l.expected_qty,
    countedQty: l.counted_qty,
    delta: l.delta,
    reason: l.reason,
  }));
  return { id: t.id, sheetNo: t.sheet_no, scope: t.scope, note: t.note, at: t.at, date: t.local_date, userName: t.user_name, lines, ...summarize(lines) };
}

export function listStocktakes(db: DB, p: { from?: string; to?: string; limit: number }) {
  const rows = stmt(
    db,
    `${sheetSelect} WHERE (@from IS NULL OR t.local_date >= @from) AND (@to IS NULL OR t.local_date <= @to)
    ORDER BY t.id DESC LIMIT @limit`,
  ).all({ from: p.from ?? null, to: p.to ?? null, limit: p.limit }) as SheetRow[];
  const deltas = stmt(db, 'SELECT delta FROM stocktake_lines WHERE stocktake_id = ?');
  return rows.map((t) => ({
    id: t.id,
    sheetNo: t.sheet_no,
    scope: t.scope,
    note: t.note,
    at: t.at,
    date: t.local_date,
    userName: t.user_name,
    ...summarize(deltas.all(t.id) as { delta: number }[]),
  }));
}
