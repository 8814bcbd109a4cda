import type { Ctx } from '../../context.js';
import { AppError, notFound } from '../../errors.js';
import { isBulkDay } from '../../rules/redemption-day.js';
import { getSetting, putSetting } from '../../settings.js';
import { stmt } from '../../statements.js';
import { getCalendar } from '../calendar/handlers.js';
import { requireItem } from '../catalog/catalog.js';
import { loadAccount } from '../households/account-query.js';
import type { DaySummaryData } from '../../../print/day-summary-layout.js';
import { villageDateTime } from '../../../print/village-time.js';

export interface BundleLine {
  itemId: number;
  qty: number;
}
/** The preset bundle of a bulk day, and which proposal comes first when a household has a last cart. */
export interface BundleSetting {
  lines: BundleLine[];
  prefer: 'bundle' | 'lastCart';
}
/** 'local.': the bundle is this counter's own preset, so sync never carries it to another counter. */
const bundleKey = 'local.bulkBundle';
export const defaultBundle: BundleSetting = { lines: [], prefer: 'bundle' };
export const bundleSetting = (ctx: Ctx): BundleSetting => ({ ...defaultBundle, ...getSetting<Partial<BundleSetting>>(ctx.db, bundleKey, {}) });

export interface ProposedLine {
  itemId: number;
  name: string;
  kind: 'goods' | 'service';
  unit: string;
  qty: number;
  unitPoints: number;
  linePoints: number;
  stock: number | null;
  points?: number;
}

/** Prices lines as the counter would now; an open-price line keeps the points it was given last time. */
function price(ctx: Ctx, lines: { itemId: number; qty: number; points?: number | null }[]): { lines: ProposedLine[]; problems: string[] } {
  const problems: string[] = [];
  const out: ProposedLine[] = [];
  for (const l of lines) {
    const item = requireItem(ctx.db, l.itemId);
    if (!item.active) {
      problems.push(`「${item.name}」已停用`);
      continue;
    }
    const unitPoints = item.openPrice ? (l.points ?? 0) : item.points!;
    if (unitPoints <= 0) {
      problems.push(`「${item.name}」须在柜台填写积分`);
      continue;
    }
    if (item.kind === 'goods' && l.qty > item.stock!) problems.push(`「${item.name}」库存不足：现有 ${item.stock}${item.unit}`);
    out.push({
      itemId: item.id,
      name: item.name,
      kind: item.kind,
      unit: item.unit,
      qty: l.qty,
      unitPoints,
      linePoints: unitPoints * l.qty,
      stock: item.stock,
      ...(item.openPrice ? { points: unitPoints } : {}),
    });
  }
  return { lines: out, problems };
}

export function getBundle(ctx: Ctx) {
  const b = bundleSetting(ctx);
  const { lines, problems } = price(ctx, b.lines);
  return { prefer: b.prefer, lines, totalPoints: lines.reduce((s, l) => s + l.linePoints, 0), problems };
}

export function setBundle(ctx: Ctx, p: BundleSetting) {
  const seen = new Set<number>();
  for (const l of p.lines) {
    if (seen.has(l.itemId)) throw new AppError('INVALID_INPUT', '套餐中商品重复 (duplicate item)', { reason: 'bundle_duplicate_item', itemId: l.itemId });
    seen.add(l.itemId);
    const item = requireItem(ctx.db, l.itemId);
    if (!item.active)
      throw new AppError('INVALID_INPUT', `「${item.name}」已停用 (item inactive)`, { reason: 'item_inactive', itemId: item.id, itemName: item.name });
    // A bundle is redeemed without questions; an open price would need one.
    if (item.openPrice)
      throw new AppError('INVALID_INPUT', `「${item.name}」须在柜台填写积分，不能放进套餐 (open-price item)`, {
        reason: 'open_price_in_bundle',
        itemId: item.id,
        itemName: item.name,
      });
  }
  putSetting(ctx.db, bundleKey, { lines: p.lines, prefer: p.prefer });
  return getBundle(ctx);
}

interface HouseholdRow {
  id: number;
  card_no: string;
  head_name: string;
  grp: string;
}

/** The household's last counter redemption that still stands: what it usually takes home. */
function lastCart(ctx: Ctx, householdId: number) {
  const last = stmt(
    ctx.db,
    `SELECT d.id, d.receipt_no, d.local_date FROM redemptions d
    WHERE d.household_id = ? AND d.kind = 'counter' AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)
    ORDER BY d.id DESC LIMIT 1`,
  ).get(householdId) as { id: number; receipt_no: string; local_date: string } | undefined;
  if (!last) return null;
  const raw = stmt(ctx.db, 'SELECT item_id AS itemId, qty, unit_points AS points FROM redemption_lines WHERE redemption_id = ? ORDER BY id').all(last.id) as {
    itemId: number;
    qty: number;
    points: number;
  }[];
  const { lines, problems } = price(ctx, raw);
  return { receiptNo: last.receipt_no, date: last.local_date, lines, totalPoints: lines.reduce((s, l) => s + l.linePoints, 0), problems };
}

/**
 * One call per scanned card: the household, what it may spend, and the cart to propose, so the
 * shopkeeper only confirms. `problems` says why Enter would be refused before anyone presses it.
 */
export function propose(ctx: Ctx, p: { cardNo?: string; householdId?: number }) {
  const h = (
    p.cardNo !== undefined
      ? stmt(ctx.db, 'SELECT id, card_no, head_name, grp FROM households WHERE card_no = ?').get(p.cardNo)
      : stmt(ctx.db, 'SELECT id, card_no, head_name, grp FROM households WHERE id = ?').get(p.householdId)
  ) as HouseholdRow | undefined;
  if (!h)
    throw notFound(
      '农户',
      p.cardNo !== undefined ? { reason: 'unknown_household', cardNo: p.cardNo } : { reason: 'unknown_household', householdId: p.householdId },
    );
  const account = loadAccount(ctx.db, h.id, ctx.year, ctx.now);
  const setting = bundleSetting(ctx);
  const bundle = setting.lines.length ? getBundle(ctx) : null;
  const last = lastCart(ctx, h.id);
  const proposed: 'bundle' | 'lastCart' | null =
    setting.prefer === 'lastCart'
      ? last?.lines.length
        ? 'lastCart'
        : bundle
          ? 'bundle'
          : null
      : bundle?.lines.length
        ? 'bundle'
        : last?.lines.length
          ? 'lastCart'
          : null;
  const chosen = proposed === 'bundle' ? bundle! : proposed === 'lastCart' ? last! : null;
  const problems = [...(chosen?.problems ?? [])];
  if (chosen && chosen.totalPoints > account.available) {
    problems.push(account.available < 0 ? `欠 ${-account.available} 分，不能兑换` : `积分不足：可用 ${account.available} 分，需要 ${chosen.totalPoints} 分`);
  }
  const servedToday = stmt(
    ctx.db,
    `SELECT d.receipt_no FROM redemptions d WHERE d.household_id = ? AND d.local_date = ?
    AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id) ORDER BY d.id`,
  ).all(h.id, ctx.today) as { receipt_no: string }[];
  return {
    household: { id: h.id, cardNo: h.card_no, headName: h.head_name, group: h.grp },
    account,
    bundle,
    lastCart: last,
    proposed,
    lines: chosen?.lines ?? [],
    totalPoints: chosen?.totalPoints ?? 0,
    problems,
    servedToday: servedToday.map((r) => r.receipt_no),
  };
}

/** Live figures of a redemption day at this database (all counters that sync into it). */
export function tally(ctx: Ctx, date: string) {
  const t = stmt(
    ctx.db,
    `SELECT COUNT(*) AS redemptions, COUNT(DISTINCT d.household_id) AS households, COALESCE(SUM(d.total_points), 0) AS points,
      MIN(d.receipt_no) AS first_no, MAX(d.receipt_no) AS last_no, MAX(d.at) AS last_at
    FROM redemptions d WHERE d.local_date = ? AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)`,
  ).get(date) as { redemptions: number; households: number; points: number; first_no: string | null; last_no: string | null; last_at: string | null };
  const v = stmt(
    ctx.db,
    `SELECT COUNT(*) AS n, COALESCE(SUM(d.total_points), 0) AS points FROM redemptions d
    JOIN redemption_voids v ON v.redemption_id = d.id WHERE d.local_date = ?`,
  ).get(date) as { n: number; points: number };
  const items = stmt(
    ctx.db,
    `SELECT l.item_id AS itemId, l.item_name AS name, l.unit, SUM(l.qty) AS qty, SUM(l.line_points) AS points
    FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id
    WHERE d.local_date = ? AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)
    GROUP BY l.item_id ORDER BY points DESC`,
  ).all(date) as { itemId: number; name: string; unit: string; qty: number; points: number }[];
  const bundleItems = bundleSetting(ctx).lines.map((l) => {
    const item = requireItem(ctx.db, l.itemId);
    return {
      itemId: item.id,
      name: item.name,
      unit: item.unit,
      kind: item.kind,
      perHousehold: l.qty,
      stock: item.stock,
      redeemedToday: items.find((i) => i.itemId === item.id)?.qty ?? 0,
      // How many more households the shelf can serve with the bundle: the number people watch on a bulk day.
      householdsLeft: item.kind === 'goods' ? Math.floor(item.stock! / l.qty) : null,
    };
  });
  return {
    date,
    isBulkDay: isBulkDay(getCalendar(ctx.db), date),
    households: t.households,
    redemptions: t.redemptions,
    points: t.points,
    voids: v.n,
    voidPoints: v.points,
    firstReceiptNo: t.first_no,
    lastReceiptNo: t.last_no,
    lastAt: t.last_at,
    items,
    bundle: bundleItems,
  };
}

export function daySummaryData(ctx: Ctx, date: string): DaySummaryData {
  const t = tally(ctx, date);
  return {
    villageName: ctx.village.name,
    date,
    printedAt: villageDateTime(ctx.now, ctx.village.timeZone),
    counterId: ctx.counter.counterId,
    bulkDay: t.isBulkDay,
    households: t.households,
    redemptions: t.redemptions,
    points: t.points,
    voids: t.voids,
    voidPoints: t.voidPoints,
    firstReceiptNo: t.firstReceiptNo,
    lastReceiptNo: t.lastReceiptNo,
    items: t.items.map((i) => ({ name: i.name, unit: i.unit, qty: i.qty, points: i.points })),
    stockLeft: t.bundle.filter((b) => b.kind === 'goods').map((b) => ({ name: b.name, unit: b.unit, stock: b.stock ?? 0 })),
    operatorName: ctx.me.name,
  };
}
