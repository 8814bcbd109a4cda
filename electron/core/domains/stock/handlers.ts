import { z } from 'zod';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { stmt } from '../../statements.js';
import { fen, fundingSource, id, qty, requiredText, text } from '../../validation.js';
import { requireItem } from '../catalog/catalog.js';

export const stockHandlers = {
  'stock.receive': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({
      itemId: id,
      qty,
      fundingSource,
      donor: text(64).optional(),
      unitCostFen: fen.optional(),
      note: text(200).optional(),
    }).refine((p) => !['donation', 'sponsor'].includes(p.fundingSource) || !!p.donor, '社会捐赠和联系点单位扶持须填写捐赠方或单位名称'),
    run(ctx, p) {
      const item = requireItem(ctx.db, p.itemId);
      if (item.kind !== 'goods') throw new AppError('INVALID_INPUT', '服务没有库存 (services have no stock)');
      stmt(ctx.db, `INSERT INTO stock_movements (item_id, delta, kind, funding_source, donor, unit_cost_fen, reason, user_id, at)
        VALUES (?, ?, 'receive', ?, ?, ?, ?, ?, ?)`).run(p.itemId, p.qty, p.fundingSource, p.donor ?? null, p.unitCostFen ?? null, p.note ?? null, ctx.me.id, ctx.nowIso);
      ctx.emit('stock.receive', { itemId: p.itemId, qty: p.qty, fundingSource: p.fundingSource, donor: p.donor, unitCostFen: p.unitCostFen });
      return { itemId: p.itemId, stock: requireItem(ctx.db, p.itemId).stock! };
    },
    audit: (p) => `入库 #${p.itemId} × ${p.qty} (${p.fundingSource})`,
  }),
  'stock.count': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({ itemId: id, countedQty: z.number().int().min(0).max(1_000_000), reason: requiredText(200) }),
    run(ctx, p) {
      const item = requireItem(ctx.db, p.itemId);
      if (item.kind !== 'goods') throw new AppError('INVALID_INPUT', '服务没有库存 (services have no stock)');
      const delta = p.countedQty - item.stock!;
      if (delta !== 0) {
        stmt(ctx.db, `INSERT INTO stock_movements (item_id, delta, kind, reason, user_id, at) VALUES (?, ?, 'count', ?, ?, ?)`)
          .run(p.itemId, delta, p.reason, ctx.me.id, ctx.nowIso);
        ctx.emit('stock.count', { itemId: p.itemId, delta, reason: p.reason });
      }
      return { itemId: p.itemId, stock: p.countedQty, delta };
    },
    audit: (p) => `盘点 #${p.itemId} 实盘 ${p.countedQty}: ${p.reason}`,
  }),
};
