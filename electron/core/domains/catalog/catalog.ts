import type { DB } from '../../../../db/connection.js';
import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { noteChanges, type AuditField } from '../../audit-changes.js';
import { stmt } from '../../statements.js';
import { spelling } from './spelling.js';

interface ItemRow {
  id: number;
  kind: 'goods' | 'service';
  name: string;
  barcode: string | null;
  unit: string;
  points: number | null;
  open_price: number;
  min_points: number | null;
  max_points: number | null;
  limit_per_household_per_year: number | null;
  category: string;
  active: number;
  stock: number | null;
  provider_ids: string | null;
  low_stock_threshold: number | null;
}

export type Item = ReturnType<typeof toItem>;

function toItem(r: ItemRow) {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    barcode: r.barcode,
    unit: r.unit,
    points: r.points,
    openPrice: r.open_price === 1,
    minPoints: r.min_points,
    maxPoints: r.max_points,
    limitPerHouseholdPerYear: r.limit_per_household_per_year,
    category: r.category,
    active: r.active === 1,
    // Services have no shelf: stock is only meaningful for goods.
    stock: r.kind === 'goods' ? (r.stock ?? 0) : null,
    providerIds: r.provider_ids ? r.provider_ids.split(',').map(Number) : [],
    lowStockThreshold: r.kind === 'goods' ? r.low_stock_threshold : null,
    // At or below the threshold: the counter marks it and the office home lists it (stock.low).
    low: r.kind === 'goods' && r.low_stock_threshold !== null && (r.stock ?? 0) <= r.low_stock_threshold,
  };
}

const select = `SELECT c.*, s.qty AS stock,
  (SELECT group_concat(provider_id) FROM item_providers p WHERE p.item_id = c.id) AS provider_ids
  FROM catalog_items c LEFT JOIN stock_levels s ON s.item_id = c.id`;

export function requireItem(db: DB, id: number): Item {
  const r = stmt(db, `${select} WHERE c.id = ?`).get(id) as ItemRow | undefined;
  if (!r) throw notFound('商品或服务', { reason: 'unknown_item', itemId: id });
  return toItem(r);
}

/** A listed item also carries its name's pinyin, so the pickers can find 大米 by dm or dami. */
const listed = (r: ItemRow) => ({ ...toItem(r), ...spelling(r.name) });

export function listItems(db: DB, p: { kind?: 'goods' | 'service'; q?: string; barcode?: string; includeInactive?: boolean }): ReturnType<typeof listed>[] {
  if (p.barcode !== undefined) {
    const r = stmt(db, `${select} WHERE c.barcode = ?`).get(p.barcode) as ItemRow | undefined;
    return r && (r.active || p.includeInactive) ? [listed(r)] : [];
  }
  const q = p.q ? `%${p.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return (
    stmt(
      db,
      `${select} WHERE (@kind IS NULL OR c.kind = @kind) AND (@inactive OR c.active = 1)
      AND (@pattern IS NULL OR c.name LIKE @pattern ESCAPE '\\' OR c.barcode = @code OR c.category LIKE @pattern ESCAPE '\\')
      ORDER BY c.kind, c.category, c.name`,
    ).all({ kind: p.kind ?? null, inactive: p.includeInactive ? 1 : 0, pattern: q, code: p.q ?? null }) as ItemRow[]
  ).map(listed);
}

export interface ItemInput {
  id?: number;
  kind: 'goods' | 'service';
  name: string;
  barcode?: string | null;
  unit: string;
  points?: number | null;
  openPrice?: boolean;
  minPoints?: number | null;
  maxPoints?: number | null;
  providerIds?: number[];
  limitPerHouseholdPerYear?: number | null;
  category?: string;
  active?: boolean;
  lowStockThreshold?: number | null;
}

/** What an edit's audit row compares: what a thing is worth, and who may take it, before and after. */
const itemAuditFields: readonly AuditField<Item>[] = [
  ['名称', (i) => i.name],
  ['条码', (i) => i.barcode],
  ['单位', (i) => i.unit],
  ['积分', (i) => i.points],
  ['现场定价', (i) => i.openPrice],
  ['最低分', (i) => i.minPoints],
  ['最高分', (i) => i.maxPoints],
  ['每户每年限兑', (i) => i.limitPerHouseholdPerYear],
  ['分类', (i) => i.category],
  ['启用', (i) => i.active],
  ['低库存提醒线', (i) => i.lowStockThreshold],
  ['服务商', (i) => i.providerIds],
];

/** Items are never deleted, only made inactive: past receipts and movements keep pointing at them. */
export function saveItem(ctx: Ctx, p: ItemInput): Item {
  if (p.barcode) {
    const clash = stmt(ctx.db, 'SELECT id FROM catalog_items WHERE barcode = ? AND id IS NOT ?').get(p.barcode, p.id ?? null);
    if (clash) throw new AppError('CONFLICT', `条码 ${p.barcode} 已被其他商品使用 (barcode in use)`, { reason: 'duplicate_barcode', barcode: p.barcode });
  }
  for (const providerId of p.providerIds ?? []) {
    const u = stmt(ctx.db, 'SELECT roles FROM users WHERE id = ?').get(providerId) as { roles: string } | undefined;
    if (!u || !JSON.parse(u.roles).includes('provider')) throw notFound('服务商', { reason: 'unknown_provider', providerId });
  }
  const values = [
    p.kind,
    p.name,
    p.barcode || null,
    p.unit,
    p.points ?? null,
    p.openPrice ? 1 : 0,
    p.minPoints ?? null,
    p.maxPoints ?? null,
    p.limitPerHouseholdPerYear ?? null,
    p.category ?? '',
    p.active === false ? 0 : 1,
    p.kind === 'goods' ? (p.lowStockThreshold ?? null) : null,
  ];
  let itemId: number;
  const before = p.id !== undefined ? requireItem(ctx.db, p.id) : null;
  if (before) {
    if (before.kind !== p.kind) throw new AppError('CONFLICT', '商品和服务不能互相转换 (kind cannot change)', { reason: 'kind_cannot_change' });
    // The threshold came after the other fields: a caller that does not send it keeps the one set.
    if (p.lowStockThreshold === undefined) values[values.length - 1] = before.lowStockThreshold;
    stmt(
      ctx.db,
      `UPDATE catalog_items SET kind = ?, name = ?, barcode = ?, unit = ?, points = ?, open_price = ?, min_points = ?, max_points = ?,
      limit_per_household_per_year = ?, category = ?, active = ?, low_stock_threshold = ? WHERE id = ?`,
    ).run(...values, before.id);
    itemId = before.id;
  } else {
    itemId = Number(
      stmt(
        ctx.db,
        `INSERT INTO catalog_items (kind, name, barcode, unit, points, open_price, min_points, max_points,
      limit_per_household_per_year, category, active, low_stock_threshold, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, ctx.nowIso).lastInsertRowid,
    );
  }
  if (p.providerIds) {
    stmt(ctx.db, 'DELETE FROM item_providers WHERE item_id = ?').run(itemId);
    for (const providerId of p.providerIds) stmt(ctx.db, 'INSERT INTO item_providers (item_id, provider_id) VALUES (?, ?)').run(itemId, providerId);
  }
  const saved = requireItem(ctx.db, itemId);
  if (before) noteChanges(ctx, before, saved, itemAuditFields);
  return saved;
}
