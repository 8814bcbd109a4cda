import { z } from 'zod';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { date, fen, fundingSource, id, qty, text, noteText, requiredNoteText } from '../../validation.js';
import { requireItem } from '../catalog/catalog.js';
import { lowStock, listMovements } from './movements.js';
import { getNote, listNotes, needsDonor, receive } from './receiving.js';
import { getStocktake, listStocktakes, takeStock } from './stocktake.js';

const barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, '条码只能含数字、字母和 -');
const counted = z.number().int('数量必须是整数 (quantity must be an integer)').min(0, '实盘数量不能为负数').max(1_000_000);
const donorRule = [
  (p: { fundingSource: z.infer<typeof fundingSource>; donor?: string }) => !needsDonor(p.fundingSource) || !!p.donor,
  '社会捐赠和联系点单位扶持须填写捐赠方或单位名称',
] as const;
const oneRef = [
  (p: { itemId?: number; barcode?: string }) => (p.itemId === undefined) !== (p.barcode === undefined),
  '每行须填写商品或条码（二选一）',
] as const;
const range = { from: date.optional(), to: date.optional() };
const list = z.strictObject({ ...range, limit: z.number().int().min(1).max(500).optional() }).optional();

const receiveLine = z
  .strictObject({
    itemId: id.optional(),
    barcode: barcode.optional(),
    qty,
    fundingSource,
    donor: text(64).optional(),
    unitCostFen: fen.optional(),
  })
  .refine(...oneRef)
  .refine(...donorRule);

export const stockHandlers = {
  'stock.receive': handler({
    access: ['shopkeeper'],
    write: true,
    input: z
      .strictObject({
        itemId: id,
        qty,
        fundingSource,
        donor: text(64).optional(),
        unitCostFen: fen.optional(),
        note: noteText(200).optional(),
      })
      .refine(...donorRule),
    // A one-line receiving note: every receipt has a note number, whichever way it came in.
    run(ctx, p) {
      const { noteId, noteNo } = receive(ctx, [p], p.note ?? '');
      return { itemId: p.itemId, stock: requireItem(ctx.db, p.itemId).stock!, noteId, noteNo };
    },
    audit: (p, r) => `入库 ${r.noteNo} #${p.itemId} × ${p.qty} (${p.fundingSource})`,
  }),
  'stock.receiveNote': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({
      lines: z.array(receiveLine).min(1, '入库单至少要有一行').max(200),
      note: noteText(200).optional(),
    }),
    run(ctx, p) {
      const { noteId } = receive(ctx, p.lines, p.note ?? '');
      return getNote(ctx.db, noteId);
    },
    audit: (p, r) => `入库单 ${r.noteNo}：${p.lines.length} 行，共 ${r.totals.qty} 件`,
  }),
  'stock.notes': handler({
    access: ['shopkeeper', 'viewer'],
    input: list,
    run: (ctx, p) => ({ items: listNotes(ctx.db, { from: p?.from, to: p?.to, limit: p?.limit ?? 100 }) }),
  }),
  'stock.note': handler({
    access: ['shopkeeper', 'viewer'],
    input: z.strictObject({ id }),
    run: (ctx, p) => getNote(ctx.db, p.id),
  }),
  'stock.count': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({ itemId: id, countedQty: counted, reason: requiredNoteText(200) }),
    run(ctx, p) {
      const item = requireItem(ctx.db, p.itemId);
      if (item.kind !== 'goods')
        throw new AppError('INVALID_INPUT', '服务没有库存 (services have no stock)', { reason: 'service_has_no_stock', itemId: item.id, itemName: item.name });
      const delta = p.countedQty - item.stock!;
      // A count is a one-line stocktake sheet: what travels to the office is the sheet (line and reason), never a bare delta.
      const sheet =
        delta === 0 ? null : takeStock(ctx, { lines: [{ itemId: p.itemId, countedQty: p.countedQty, expectedQty: item.stock!, reason: p.reason }] });
      return { itemId: p.itemId, stock: p.countedQty, delta, sheetNo: sheet?.sheetNo ?? null };
    },
    audit: (p) => `盘点 #${p.itemId} 实盘 ${p.countedQty}: ${p.reason}`,
  }),
  'stock.stocktake': handler({
    access: ['shopkeeper'],
    write: true,
    input: z.strictObject({
      lines: z
        .array(
          z
            .strictObject({
              itemId: id.optional(),
              barcode: barcode.optional(),
              countedQty: counted,
              expectedQty: z.number().int().min(-1_000_000).max(1_000_000).optional(),
              reason: noteText(200).optional(),
            })
            .refine(...oneRef),
        )
        .min(1, '盘点表至少要有一行')
        .max(2000),
      reason: noteText(200).optional(),
      note: noteText(200).optional(),
    }),
    run: takeStock,
    audit: (_p, r) => `盘点表 ${r.sheetNo}：${r.lineCount} 项，差异 ${r.varianceCount} 项`,
  }),
  'stock.stocktakes': handler({
    access: ['shopkeeper', 'viewer'],
    input: list,
    run: (ctx, p) => ({ items: listStocktakes(ctx.db, { from: p?.from, to: p?.to, limit: p?.limit ?? 100 }) }),
  }),
  'stock.stocktakeGet': handler({
    access: ['shopkeeper', 'viewer'],
    input: z.strictObject({ id }),
    run: (ctx, p) => getStocktake(ctx.db, p.id),
  }),
  'stock.movements': handler({
    access: ['shopkeeper', 'viewer'],
    input: z
      .strictObject({
        itemId: id.optional(),
        ...range,
        kind: z.enum(['receive', 'redeem', 'void', 'count']).optional(),
        limit: z.number().int().min(1).max(10_000).optional(),
      })
      .refine((p) => !p.from || !p.to || p.from <= p.to, '开始日期不能晚于结束日期')
      .optional(),
    run: (ctx, p) => listMovements(ctx, { ...p, limit: p?.limit ?? 2000 }),
  }),
  'stock.low': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => ({ items: lowStock(ctx) }),
  }),
};
