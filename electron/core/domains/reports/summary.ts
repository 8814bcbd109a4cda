import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { periodWithinYear } from '../../rules/period.js';
import { villageDayRange } from '../../rules/village-day-range.js';
import { stmt } from '../../statements.js';
import { cutoffAt } from '../households/account-query.js';
import { pointFigures } from '../boards/totals.js';
import { fundingReport } from '../stock-reports/funding.js';
import { settlement } from '../stock-reports/settlement.js';

export interface ItemRedemptions {
  itemId: number;
  name: string;
  kind: 'goods' | 'service';
  unit: string;
  qty: number;
  points: number;
  redemptions: number;
  households: number;
}

/** Non-voided redemptions by the village date they happened on; a void later takes them out. */
function redemptionsByItem(ctx: Ctx, from: string, to: string): ItemRedemptions[] {
  return stmt(
    ctx.db,
    `SELECT l.item_id AS itemId, c.name, c.kind, c.unit, SUM(l.qty) AS qty, SUM(l.line_points) AS points,
      COUNT(DISTINCT d.id) AS redemptions, COUNT(DISTINCT d.household_id) AS households
    FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id JOIN catalog_items c ON c.id = l.item_id
    WHERE d.local_date BETWEEN @from AND @to AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)
    GROUP BY l.item_id ORDER BY c.kind, points DESC, c.name`,
  ).all({ from, to }) as ItemRedemptions[];
}

function redemptionTotals(ctx: Ctx, from: string, to: string) {
  return stmt(
    ctx.db,
    `SELECT COUNT(*) AS count, COALESCE(SUM(d.total_points), 0) AS points, COUNT(DISTINCT d.household_id) AS households
    FROM redemptions d WHERE d.local_date BETWEEN @from AND @to
      AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)`,
  ).get({ from, to }) as { count: number; points: number; households: number };
}

/** Stock in, out and on hand per goods item; movements are instants, so the period is taken in village days. */
function stockByItem(ctx: Ctx, from: string, to: string) {
  const { startIso, endIso } = villageDayRange(from, to, ctx.village.timeZone);
  return stmt(
    ctx.db,
    `SELECT c.id AS itemId, c.name, c.unit,
      COALESCE(SUM(CASE WHEN m.kind = 'receive' AND m.at >= @start AND m.at < @end THEN m.delta END), 0) AS received,
      COALESCE(SUM(CASE WHEN m.kind = 'redeem' AND m.at >= @start AND m.at < @end THEN -m.delta END), 0) AS redeemed,
      COALESCE(SUM(CASE WHEN m.kind = 'void' AND m.at >= @start AND m.at < @end THEN m.delta END), 0) AS returned,
      COALESCE(SUM(CASE WHEN m.kind = 'count' AND m.at >= @start AND m.at < @end THEN m.delta END), 0) AS adjusted,
      COALESCE(SUM(CASE WHEN m.at < @end THEN m.delta END), 0) AS onHand
    FROM catalog_items c LEFT JOIN stock_movements m ON m.item_id = c.id
    WHERE c.kind = 'goods' GROUP BY c.id ORDER BY c.name`,
  ).all({ start: startIso, end: endIso }) as {
    itemId: number;
    name: string;
    unit: string;
    received: number;
    redeemed: number;
    returned: number;
    adjusted: number;
    onHand: number;
  }[];
}

/** Month by month inside the period, for the trend chart: points (from pointFigures) and redemptions. */
function byMonth(ctx: Ctx, from: string, to: string, points: { month: string; awarded: number; deducted: number }[]) {
  const red = new Map(
    (
      stmt(
        ctx.db,
        `SELECT substr(d.local_date, 1, 7) AS month, SUM(d.total_points) AS redeemed FROM redemptions d
    WHERE d.local_date BETWEEN @from AND @to AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)
    GROUP BY month`,
      ).all({ from, to }) as { month: string; redeemed: number }[]
    ).map((r) => [r.month, r.redeemed]),
  );
  return points.map((p) => ({ ...p, redeemed: red.get(p.month) ?? 0 }));
}

export function summary(ctx: Ctx, p: { year: number; from?: string; to?: string }) {
  const period = periodWithinYear(p.year, p.from, p.to);
  if ('error' in period) throw new AppError('INVALID_INPUT', period.error, { reason: period.reason, year: p.year, from: p.from, to: p.to });
  const { from, to } = period;
  // Points from the totals the ledger's triggers keep (migration 008), as the ledger counts them: see boards/totals.ts.
  const pts = pointFigures(ctx.db, from, to, cutoffAt(ctx.db, ctx.now));
  const categories = pts.byCategory.map((c) => ({ ...c, net: c.awarded - c.deducted }));
  const items = redemptionsByItem(ctx, from, to);
  const awarded = categories.reduce((s, c) => s + c.awarded, 0);
  const deducted = categories.reduce((s, c) => s + c.deducted, 0);
  return {
    year: p.year,
    from,
    to,
    villageName: ctx.village.name,
    generatedAt: ctx.nowIso,
    points: { awarded, deducted, net: awarded - deducted, byCategory: categories },
    participation: { households: (stmt(ctx.db, 'SELECT COUNT(*) AS n FROM households').get() as { n: number }).n, withPoints: pts.withPoints },
    redemptions: { ...redemptionTotals(ctx, from, to), byItem: items.filter((i) => i.kind === 'goods'), byService: items.filter((i) => i.kind === 'service') },
    // Funding (FIFO by purse) and provider settlement are the stock reports' own, so every screen agrees.
    stock: { items: stockByItem(ctx, from, to), funding: fundingReport(ctx, { from, to }) },
    providers: settlement(ctx, { from, to }),
    months: byMonth(ctx, from, to, pts.months),
  };
}

export type Summary = ReturnType<typeof summary>;
