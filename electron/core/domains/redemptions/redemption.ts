import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { account, canRedeem, type Account } from '../../rules/account.js';
import { isRedemptionDay } from '../../rules/redemption-day.js';
import { formatReceiptNo } from '../../rules/receipt-number.js';
import { stmt } from '../../statements.js';
import { checkSupervisor } from '../auth/users.js';
import { getCalendar } from '../calendar/handlers.js';
import { requireItem, type Item } from '../catalog/catalog.js';
import { loadAccount } from '../households/account-query.js';
import { requireHousehold } from '../households/households.js';
import type { RedemptionFacts } from './facts.js';
import { writeRedemptionRows } from './ledger-rows.js';
import { noticeShortfall } from './notice-shortfall.js';

/** providerId: who delivered a service line at the counter, so the village can settle with them. */
export interface LineInput {
  itemId: number;
  qty: number;
  points?: number;
  providerId?: number;
}
export interface Override {
  supervisorUsername: string;
  supervisorPin: string;
  reason: string;
}
export interface RedeemInput {
  householdId: number;
  lines: LineInput[];
  requestId: string;
  override?: Override;
}

interface PricedLine {
  item: Item;
  qty: number;
  unitPoints: number;
  linePoints: number;
  providerId?: number | null;
}

/** An open-price line (缴纳医保) takes its points at the counter, within the item's bounds. */
function priceLine(item: Item, line: LineInput): PricedLine {
  if (!item.active)
    throw new AppError('INVALID_INPUT', `「${item.name}」已停用 (item inactive)`, { reason: 'item_inactive', itemId: item.id, itemName: item.name });
  let unitPoints: number;
  if (item.openPrice) {
    if (line.points === undefined)
      throw new AppError('INVALID_INPUT', `「${item.name}」须填写积分 (open price needs points)`, {
        reason: 'open_price_needs_points',
        itemId: item.id,
        itemName: item.name,
      });
    if ((item.minPoints !== null && line.points < item.minPoints) || (item.maxPoints !== null && line.points > item.maxPoints)) {
      throw new AppError('INVALID_INPUT', `「${item.name}」积分应在 ${item.minPoints ?? 1}–${item.maxPoints ?? '∞'} 之间`, {
        reason: 'open_price_out_of_range',
        itemId: item.id,
        itemName: item.name,
        min: item.minPoints ?? 1,
        max: item.maxPoints,
        given: line.points,
      });
    }
    unitPoints = line.points;
  } else {
    if (line.points !== undefined && line.points !== item.points) {
      throw new AppError('INVALID_INPUT', `「${item.name}」定价为 ${item.points} 分，不能改价`, {
        reason: 'fixed_price_changed',
        itemId: item.id,
        itemName: item.name,
        points: item.points,
        given: line.points,
      });
    }
    unitPoints = item.points!;
  }
  return { item, qty: line.qty, unitPoints, linePoints: unitPoints * line.qty };
}

/**
 * Who is settled for a service line: the logged-in provider; else the provider the counter named;
 * else the service's only provider, since then there is no one else it could have been.
 */
function lineProvider(item: Item, line: LineInput, caller: number | undefined): number | null {
  if (item.kind !== 'service') {
    if (line.providerId !== undefined)
      throw new AppError('INVALID_INPUT', `「${item.name}」是商品，不能指定服务商`, { reason: 'goods_take_no_provider', itemId: item.id, itemName: item.name });
    return null;
  }
  if (caller !== undefined) return caller;
  if (line.providerId !== undefined) {
    if (!item.providerIds.includes(line.providerId)) {
      throw new AppError('INVALID_INPUT', `所选服务商不提供「${item.name}」 (not a provider of this service)`, {
        reason: 'provider_not_for_service',
        itemId: item.id,
        itemName: item.name,
        providerId: line.providerId,
      });
    }
    return line.providerId;
  }
  return item.providerIds.length === 1 ? item.providerIds[0] : null;
}

function totalsByItem(lines: PricedLine[]): Map<number, { item: Item; qty: number }> {
  const m = new Map<number, { item: Item; qty: number }>();
  for (const l of lines) {
    const t = m.get(l.item.id) ?? { item: l.item, qty: 0 };
    t.qty += l.qty;
    m.set(l.item.id, t);
  }
  return m;
}

function redeemedThisYear(ctx: Ctx, householdId: number, itemId: number, year: number): number {
  return (
    stmt(
      ctx.db,
      `SELECT COALESCE(SUM(l.qty), 0) AS n FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id
    WHERE d.household_id = ? AND d.year = ? AND l.item_id = ?
      AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)`,
    ).get(householdId, year, itemId) as { n: number }
  ).n;
}

function nextReceiptNo(ctx: Ctx): string {
  const { last_no } = stmt(
    ctx.db,
    `INSERT INTO receipt_counters (counter_id, year, last_no) VALUES (?, ?, 1)
    ON CONFLICT (counter_id, year) DO UPDATE SET last_no = last_no + 1 RETURNING last_no`,
  ).get(ctx.counter.counterId, ctx.year) as { last_no: number };
  return formatReceiptNo(ctx.counter.counterId, ctx.year, last_no);
}

function requestHash(kind: string, p: RedeemInput): string {
  return createHash('sha256')
    .update(JSON.stringify([kind, p.householdId, p.lines]))
    .digest('hex');
}

export type RedeemResult = { id: number; receiptNo: string; totalPoints: number; account: Account };

/**
 * Commits a redemption, or changes nothing. Runs inside the caller's transaction: the receipt number,
 * the lines, the stock movements and the sync event land together or not at all, so receipt numbers
 * have no gaps and stock never goes below zero.
 */
export function redeem(ctx: Ctx, p: RedeemInput, opts: { kind: 'counter' | 'service'; providerId?: number }): RedeemResult {
  const replay = stmt(ctx.db, 'SELECT id, receipt_no, request_hash, result FROM redemptions WHERE request_id = ?').get(p.requestId) as
    { id: number; receipt_no: string; request_hash: string; result: string } | undefined;
  if (replay) {
    if (replay.request_hash !== requestHash(opts.kind, p)) {
      throw new AppError('CONFLICT', '该请求编号已用于另一笔兑换 (requestId already used for a different redemption)', {
        reason: 'request_replayed_different',
        requestId: p.requestId,
      });
    }
    ctx.markReplay(`返回原单 ${replay.receipt_no} (requestId ${p.requestId})`);
    return { id: replay.id, ...JSON.parse(replay.result) } as RedeemResult;
  }
  const household = requireHousehold(ctx.db, p.householdId);

  let overrideBy: number | null = null;
  if (!isRedemptionDay(getCalendar(ctx.db), ctx.today)) {
    if (!p.override)
      throw new AppError('NOT_REDEMPTION_DAY', '今天不是兑换日 (today is not a redemption day)', { reason: 'not_redemption_day', today: ctx.today });
    overrideBy = checkSupervisor(ctx, p.override.supervisorUsername, p.override.supervisorPin).id;
    ctx.noteForAudit(`非兑换日特批 override: ${p.override.reason}`);
  }

  const lines = p.lines.map((l) => {
    const item = requireItem(ctx.db, l.itemId);
    if (opts.kind === 'service' && item.kind !== 'service')
      throw new AppError('INVALID_INPUT', `「${item.name}」不是服务项目`, { reason: 'not_a_service', itemId: item.id, itemName: item.name });
    if (opts.providerId !== undefined && !item.providerIds.includes(opts.providerId)) {
      throw new AppError('FORBIDDEN', `您不是「${item.name}」的服务商 (not a provider of this service)`, {
        reason: 'not_provider_of_service',
        itemId: item.id,
        itemName: item.name,
      });
    }
    return { ...priceLine(item, l), providerId: lineProvider(item, l, opts.providerId) };
  });

  for (const { item, qty } of totalsByItem(lines).values()) {
    if (item.kind === 'goods' && qty > item.stock!) {
      throw new AppError('OUT_OF_STOCK', `「${item.name}」库存不足：现有 ${item.stock}${item.unit}，需要 ${qty}${item.unit}`, {
        reason: 'out_of_stock',
        itemId: item.id,
        itemName: item.name,
        name: item.name,
        unit: item.unit,
        stock: item.stock,
        requested: qty,
      });
    }
    if (item.limitPerHouseholdPerYear !== null) {
      const already = redeemedThisYear(ctx, household.id, item.id, ctx.year);
      if (already + qty > item.limitPerHouseholdPerYear) {
        throw new AppError('LIMIT_EXCEEDED', `「${item.name}」每户每年限 ${item.limitPerHouseholdPerYear}${item.unit}，本年已兑 ${already}${item.unit}`, {
          reason: 'item_limit',
          itemId: item.id,
          itemName: item.name,
          unit: item.unit,
          limit: item.limitPerHouseholdPerYear,
          already,
          requested: qty,
        });
      }
    }
  }

  const totalPoints = lines.reduce((s, l) => s + l.linePoints, 0);
  const before = loadAccount(ctx.db, household.id, ctx.year, ctx.now);
  const check = canRedeem(before, totalPoints);
  if (!check.ok) {
    const notice = noticeShortfall(ctx, household.id, ctx.year, check.shortBy);
    throw new AppError('INSUFFICIENT_POINTS', `积分不足：可用 ${before.available} 分，需要 ${totalPoints} 分 (insufficient points)`, {
      reason: notice ? 'in_notice_period' : 'insufficient_points',
      available: before.available,
      required: totalPoints,
      shortBy: check.shortBy,
      ...notice,
    });
  }

  const receiptNo = nextReceiptNo(ctx);
  const after = account(ctx.year, { awarded: before.awarded, deducted: before.deducted, redeemed: before.redeemed + totalPoints });
  // The first answer is kept so a replayed requestId gets exactly what the first caller got.
  const answer = { receiptNo, totalPoints, account: after };
  // The event below is built from exactly the values these INSERTs write, so it cannot say something
  // the ledger does not, without reading the rows back (two SELECTs per redemption at the counter).
  const facts: RedemptionFacts = {
    receiptNo,
    counterId: ctx.counter.counterId,
    year: ctx.year,
    householdId: household.id,
    cardNo: household.card_no,
    kind: opts.kind,
    totalPoints,
    requestId: p.requestId,
    requestHash: requestHash(opts.kind, p),
    result: JSON.stringify(answer),
    at: ctx.nowIso,
    localDate: ctx.today,
    operatorId: ctx.me.id,
    overrideBy,
    overrideReason: overrideBy ? p.override!.reason : null,
    lines: lines.map((l) => ({
      itemId: l.item.id,
      name: l.item.name,
      kind: l.item.kind,
      unit: l.item.unit,
      qty: l.qty,
      unitPoints: l.unitPoints,
      linePoints: l.linePoints,
      providerId: l.providerId ?? null,
    })),
  };
  const redemptionId = writeRedemptionRows(ctx.db, facts);
  ctx.emit(opts.kind === 'service' ? 'service.log' : 'redemption.create', facts);
  return { id: redemptionId, ...answer };
}
