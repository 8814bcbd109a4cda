import type { Ctx } from '../../context.js';
import { attributeFifo, rollUp, type FifoMovement, type FundingSource, type FundingTotals, type LotSource } from '../../rules/funding-fifo.js';
import { villageDayRange } from '../../rules/village-day-range.js';
import { stmt } from '../../statements.js';

export const sourceOrder: LotSource[] = ['fiscal', 'collective', 'donation', 'sponsor', 'surplus', 'unknown'];
export const sourceLabels: Record<LotSource, string> = {
  fiscal: '财政补助',
  collective: '村集体经济收入',
  donation: '社会捐赠',
  sponsor: '联系点(定点)单位扶持',
  surplus: '盘盈（无经费来源）',
  unknown: '来源不明',
};

const hasDonor = (s: LotSource) => s === 'donation' || s === 'sponsor';
const isPurse = (s: LotSource) => s !== 'surplus' && s !== 'unknown';

/**
 * Per funding source: stock received in the period (qty and value), and what left the shelf from it,
 * attributed first in first out by receipt order. The whole ledger up to the period's end is replayed,
 * because lots received before the period still feed redemptions inside it.
 */
export function fundingReport(ctx: Ctx, p: { from: string; to: string }) {
  const { startIso, endIso } = villageDayRange(p.from, p.to, ctx.village.timeZone);
  const moves = (
    stmt(ctx.db, `SELECT item_id, delta, kind, funding_source, donor, unit_cost_fen, redemption_id, at FROM stock_movements WHERE at < ? ORDER BY id`).all(
      endIso,
    ) as {
      item_id: number;
      delta: number;
      kind: FifoMovement['kind'];
      funding_source: FundingSource | null;
      donor: string | null;
      unit_cost_fen: number | null;
      redemption_id: number | null;
      at: string;
    }[]
  ).map((m): FifoMovement => ({
    itemId: m.item_id,
    delta: m.delta,
    kind: m.kind,
    fundingSource: m.funding_source,
    donor: m.funding_source && hasDonor(m.funding_source) ? m.donor : null,
    unitCostFen: m.unit_cost_fen,
    redemptionId: m.redemption_id,
    inPeriod: m.at >= startIso,
  }));
  const rows = attributeFifo(moves);
  const names = new Map((stmt(ctx.db, 'SELECT id, name, unit FROM catalog_items').all() as { id: number; name: string; unit: string }[]).map((i) => [i.id, i]));
  const rank = (s: LotSource) => sourceOrder.indexOf(s);

  const bySource = new Map(rollUp(rows, (r) => r.source).map((e) => [e.key, e.totals]));
  const zero: FundingTotals = {
    receivedQty: 0,
    receivedValueFen: 0,
    redeemedQty: 0,
    redeemedValueFen: 0,
    lostQty: 0,
    lostValueFen: 0,
    onHandQty: 0,
    onHandValueFen: 0,
  };
  // The four purses always appear, so a month with nothing from one still says so; the others only when present.
  const items = sourceOrder
    .filter((s) => isPurse(s) || bySource.has(s))
    .map((s) => ({ fundingSource: s, label: sourceLabels[s], ...(bySource.get(s) ?? zero) }));
  const donors = rollUp(
    rows.filter((r) => hasDonor(r.source)),
    (r) => [r.source, r.donor ?? ''] as const,
  )
    .map((e) => ({ fundingSource: e.key[0], label: sourceLabels[e.key[0]], donor: e.key[1], ...e.totals }))
    .sort((a, b) => rank(a.fundingSource) - rank(b.fundingSource) || a.donor.localeCompare(b.donor, 'zh-CN'));
  const details = rows
    .map((r) => ({
      ...r,
      fundingSource: r.source,
      label: sourceLabels[r.source],
      itemName: names.get(r.itemId)?.name ?? `#${r.itemId}`,
      unit: names.get(r.itemId)?.unit ?? '',
    }))
    .sort((a, b) => rank(a.source) - rank(b.source) || (a.donor ?? '').localeCompare(b.donor ?? '', 'zh-CN') || a.itemName.localeCompare(b.itemName, 'zh-CN'))
    .map(({ source: _s, ...r }) => r);
  const totals = rollUp(rows, () => 'all')[0]?.totals ?? zero;
  return { from: p.from, to: p.to, items, donors, details, totals };
}
