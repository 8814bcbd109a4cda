import { z } from 'zod';
import { handler } from '../../handler.js';
import { id, points, requiredText, text } from '../../validation.js';
import { listItems, saveItem } from './catalog.js';

const barcode = z
  .string()
  .trim()
  .regex(/^[0-9A-Za-z-]{4,32}$/, '条码只能含数字、字母和 -');

const itemInput = z
  .strictObject({
    id: id.optional(),
    kind: z.enum(['goods', 'service']),
    name: requiredText(64),
    barcode: barcode.nullable().optional(),
    unit: requiredText(8),
    points: points.nullable().optional(),
    openPrice: z.boolean().optional(),
    minPoints: points.nullable().optional(),
    maxPoints: points.nullable().optional(),
    providerIds: z.array(id).max(50).optional(),
    limitPerHouseholdPerYear: z.number().int().positive().max(10_000).nullable().optional(),
    category: text(32).optional(),
    active: z.boolean().optional(),
    lowStockThreshold: z.number().int('低库存提醒线必须是整数').min(0).max(1_000_000).nullable().optional(),
  })
  .refine((i) => i.openPrice || typeof i.points === 'number', '请填写积分价格，或设为现场定价 (points, or openPrice)')
  .refine((i) => !(i.minPoints && i.maxPoints) || i.minPoints <= i.maxPoints, '最低分不能大于最高分');

export const catalogHandlers = {
  'catalog.list': handler({
    access: 'any',
    input: z
      .strictObject({
        kind: z.enum(['goods', 'service']).optional(),
        q: text(32).optional(),
        barcode: barcode.optional(),
        includeInactive: z.boolean().optional(),
      })
      .optional(),
    run: (ctx, p) => ({ items: listItems(ctx.db, p ?? {}) }),
  }),
  'catalog.save': handler({
    access: ['shopkeeper'],
    write: true,
    input: itemInput,
    run: saveItem,
    audit: (p, r) => `保存${p.kind === 'goods' ? '商品' : '服务'} #${r.id} ${p.name}`,
  }),
};
