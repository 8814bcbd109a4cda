import type { DB } from '../../../../db/connection.js';
import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { formatDocNo, type DocKind } from '../../rules/doc-number.js';
import { stmt } from '../../statements.js';
import { requireItem, type Item } from '../catalog/catalog.js';

/** Numbers without gaps: taken inside the write's transaction, so a refused note never uses one. */
export function nextDocNo(ctx: Ctx, kind: DocKind): string {
  const { last_no } = stmt(
    ctx.db,
    `INSERT INTO doc_counters (kind, counter_id, year, last_no) VALUES (?, ?, ?, 1)
    ON CONFLICT (kind, counter_id, year) DO UPDATE SET last_no = last_no + 1 RETURNING last_no`,
  ).get(kind, ctx.counter.counterId, ctx.year) as { last_no: number };
  return formatDocNo(kind, ctx.counter.counterId, ctx.year, last_no);
}

/** A line names its goods by id or by a scanned barcode; an unknown barcode is refused by name. */
export function resolveGoods(db: DB, ref: { itemId?: number; barcode?: string }, line?: number): Item {
  let item: Item;
  if (ref.itemId !== undefined) {
    item = requireItem(db, ref.itemId);
  } else {
    const row = stmt(db, 'SELECT id FROM catalog_items WHERE barcode = ?').get(ref.barcode) as { id: number } | undefined;
    if (!row) {
      throw notFound(`条码 ${ref.barcode} 对应的商品（未登记的条码，请先在「商品与服务」中添加）`, { reason: 'unknown_barcode', barcode: ref.barcode, line });
    }
    item = requireItem(db, row.id);
  }
  if (item.kind !== 'goods') {
    throw new AppError('INVALID_INPUT', `「${item.name}」是服务，没有库存 (services have no stock)`, {
      reason: 'service_has_no_stock',
      itemId: item.id,
      itemName: item.name,
      line,
    });
  }
  return item;
}
