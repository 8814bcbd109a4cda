import type { Ctx } from '../../context.js';
import { pointsValueFen } from '../../rules/money.js';
import { stmt } from '../../statements.js';
import { getPointValue } from './point-value.js';

interface Row {
  provider_id: number | null;
  provider_name: string | null;
  month: string;
  item_id: number;
  item_name: string;
  count: number;
  points: number;
}

export const noProvider = '未指定服务商';

/**
 * What the village owes each provider for services delivered in the period (by the date of the
 * service in the village): count and points per provider, per service and per month. Voided services
 * were not delivered and are not settled. Services entered at the counter without a provider are
 * listed under 未指定服务商 so their points are not lost from the total.
 */
export function settlement(ctx: Ctx, p: { from: string; to: string }) {
  const { fenPerPoint } = getPointValue(ctx.db);
  const rows = stmt(
    ctx.db,
    `SELECT l.provider_id, u.name AS provider_name, substr(d.local_date, 1, 7) AS month, l.item_id, MAX(l.item_name) AS item_name,
      SUM(l.qty) AS count, SUM(l.line_points) AS points
    FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id LEFT JOIN users u ON u.id = l.provider_id
    WHERE l.item_kind = 'service' AND d.local_date >= ? AND d.local_date <= ?
      AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)
    GROUP BY l.provider_id, month, l.item_id
    ORDER BY l.provider_id IS NULL, u.name, l.provider_id, month, item_name`,
  ).all(p.from, p.to) as Row[];

  type Tally = { count: number; points: number; valueFen: number | null };
  const add = (t: Tally, r: Row) => {
    t.count += r.count;
    t.points += r.points;
    t.valueFen = pointsValueFen(t.points, fenPerPoint);
  };
  const providers = new Map<
    string,
    Tally & {
      providerId: number | null;
      providerName: string;
      services: Map<number, Tally & { itemId: number; name: string }>;
      months: Map<string, Tally & { month: string }>;
    }
  >();
  for (const r of rows) {
    const key = String(r.provider_id);
    let pr = providers.get(key);
    if (!pr) {
      pr = {
        providerId: r.provider_id,
        providerName: r.provider_name ?? noProvider,
        count: 0,
        points: 0,
        valueFen: null,
        services: new Map(),
        months: new Map(),
      };
      providers.set(key, pr);
    }
    add(pr, r);
    let s = pr.services.get(r.item_id);
    if (!s) pr.services.set(r.item_id, (s = { itemId: r.item_id, name: r.item_name, count: 0, points: 0, valueFen: null }));
    add(s, r);
    let m = pr.months.get(r.month);
    if (!m) pr.months.set(r.month, (m = { month: r.month, count: 0, points: 0, valueFen: null }));
    add(m, r);
  }
  const items = [...providers.values()].map((x) => ({
    providerId: x.providerId,
    providerName: x.providerName,
    count: x.count,
    points: x.points,
    valueFen: x.valueFen,
    services: [...x.services.values()],
    months: [...x.months.values()],
  }));
  const count = items.reduce((s, i) => s + i.count, 0);
  const points = items.reduce((s, i) => s + i.points, 0);
  return { from: p.from, to: p.to, fenPerPoint, items, totals: { count, points, valueFen: pointsValueFen(points, fenPerPoint) } };
}

/** One provider's own services, for the phone page: what they logged, newest first. */
export function providerLog(ctx: Ctx, providerId: number, p: { from: string; to: string; limit: number }) {
  const items = (
    stmt(
      ctx.db,
      `SELECT d.id, d.receipt_no, d.at, d.local_date, h.head_name, h.card_no, l.item_name, l.qty, l.line_points,
      EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id) AS voided
    FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id JOIN households h ON h.id = d.household_id
    WHERE l.provider_id = ? AND l.item_kind = 'service' AND d.local_date >= ? AND d.local_date <= ?
    ORDER BY d.id DESC LIMIT ?`,
    ).all(providerId, p.from, p.to, p.limit) as {
      id: number;
      receipt_no: string;
      at: string;
      local_date: string;
      head_name: string;
      card_no: string;
      item_name: string;
      qty: number;
      line_points: number;
      voided: number;
    }[]
  ).map((r) => ({
    redemptionId: r.id,
    receiptNo: r.receipt_no,
    at: r.at,
    date: r.local_date,
    headName: r.head_name,
    cardNo: r.card_no,
    service: r.item_name,
    qty: r.qty,
    points: r.line_points,
    voided: r.voided === 1,
  }));
  const totals = stmt(
    ctx.db,
    `SELECT COALESCE(SUM(l.qty), 0) AS count, COALESCE(SUM(l.line_points), 0) AS points
    FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id
    WHERE l.provider_id = ? AND l.item_kind = 'service' AND d.local_date >= ? AND d.local_date <= ?
      AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)`,
  ).get(providerId, p.from, p.to) as { count: number; points: number };
  return { items, ...totals };
}
