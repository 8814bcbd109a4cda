export type FundingSource = 'fiscal' | 'collective' | 'donation' | 'sponsor';
/**
 * Who paid for a lot: one of the four purses; 'surplus' for stock a stocktake found (盘盈), which no
 * purse paid for; 'unknown' for goods that left while no lot was on the shelf (an offline counter can
 * oversell, and the office must still be able to report).
 */
export type LotSource = FundingSource | 'surplus' | 'unknown';

export interface FifoMovement {
  itemId: number;
  delta: number;
  kind: 'receive' | 'redeem' | 'void' | 'count';
  fundingSource?: FundingSource | null;
  donor?: string | null;
  unitCostFen?: number | null;
  redemptionId?: number | null;
  /** Inside the reporting period: only these add to the period's totals; earlier ones only build the lots. */
  inPeriod: boolean;
}

export interface FundingRow {
  source: LotSource;
  donor: string | null;
  itemId: number;
  receivedQty: number;
  receivedValueFen: number;
  /** Net of voids in the period, so a void of an earlier redemption can make it negative. */
  redeemedQty: number;
  redeemedValueFen: number;
  /** Stocktake shortfalls (盘亏). */
  lostQty: number;
  lostValueFen: number;
  /** What is left on the shelf from this purse after the last movement given. */
  onHandQty: number;
  onHandValueFen: number;
}

interface Lot {
  row: FundingRow;
  unitCostFen: number;
  remaining: number;
}

/**
 * Attributes goods leaving the shelf to the purses that paid for them, first in first out by receipt
 * order: a redemption takes from the oldest lot that still has stock. A void puts back exactly what
 * its redemption took, into the same lots. Movements must be in ledger order (by id) and should start
 * at the beginning of the ledger: lots received before the period still feed the period's redemptions.
 * Goods without a unit cost are counted but valued at 0 fen.
 */
export function attributeFifo(movements: readonly FifoMovement[]): FundingRow[] {
  const rows = new Map<string, FundingRow>();
  const lotsByItem = new Map<number, Lot[]>();
  const taken = new Map<string, { lot: Lot; qty: number }[]>();

  const rowFor = (source: LotSource, donor: string | null, itemId: number): FundingRow => {
    const key = JSON.stringify([source, donor, itemId]);
    let r = rows.get(key);
    if (!r) {
      r = {
        source,
        donor,
        itemId,
        receivedQty: 0,
        receivedValueFen: 0,
        redeemedQty: 0,
        redeemedValueFen: 0,
        lostQty: 0,
        lostValueFen: 0,
        onHandQty: 0,
        onHandValueFen: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  const lotsOf = (itemId: number): Lot[] => {
    let l = lotsByItem.get(itemId);
    if (!l) lotsByItem.set(itemId, (l = []));
    return l;
  };
  const addLot = (itemId: number, row: FundingRow, qty: number, unitCostFen: number): Lot => {
    const lot = { row, unitCostFen, remaining: qty };
    lotsOf(itemId).push(lot);
    return lot;
  };
  /** Takes qty from the oldest lots; whatever no lot covers is taken from an 'unknown' lot. */
  const take = (itemId: number, qty: number): { lot: Lot; qty: number }[] => {
    const out: { lot: Lot; qty: number }[] = [];
    let left = qty;
    for (const lot of lotsOf(itemId)) {
      if (left === 0) break;
      const n = Math.min(lot.remaining, left);
      if (n > 0) {
        lot.remaining -= n;
        left -= n;
        out.push({ lot, qty: n });
      }
    }
    if (left > 0) out.push({ lot: { row: rowFor('unknown', null, itemId), unitCostFen: 0, remaining: 0 }, qty: left });
    return out;
  };

  for (const m of movements) {
    if (m.kind === 'receive' || (m.kind === 'count' && m.delta > 0)) {
      const source: LotSource = m.kind === 'receive' ? (m.fundingSource ?? 'unknown') : 'surplus';
      const cost = m.kind === 'receive' ? (m.unitCostFen ?? 0) : 0;
      const row = rowFor(source, m.kind === 'receive' ? m.donor || null : null, m.itemId);
      addLot(m.itemId, row, m.delta, cost);
      if (m.inPeriod) {
        row.receivedQty += m.delta;
        row.receivedValueFen += m.delta * cost;
      }
    } else if (m.kind === 'redeem' || (m.kind === 'count' && m.delta < 0)) {
      const parts = take(m.itemId, -m.delta);
      if (m.kind === 'redeem') {
        const key = `${m.redemptionId ?? ''}:${m.itemId}`;
        taken.set(key, [...(taken.get(key) ?? []), ...parts]);
      }
      if (!m.inPeriod) continue;
      for (const { lot, qty } of parts) {
        if (m.kind === 'redeem') {
          lot.row.redeemedQty += qty;
          lot.row.redeemedValueFen += qty * lot.unitCostFen;
        } else {
          lot.row.lostQty += qty;
          lot.row.lostValueFen += qty * lot.unitCostFen;
        }
      }
    } else if (m.kind === 'void' && m.delta > 0) {
      const key = `${m.redemptionId ?? ''}:${m.itemId}`;
      const parts = taken.get(key) ?? [];
      taken.delete(key);
      let left = m.delta;
      const back: { lot: Lot; qty: number }[] = [];
      for (const p of parts) {
        const n = Math.min(p.qty, left);
        if (n === 0) break;
        left -= n;
        back.push({ lot: p.lot, qty: n });
      }
      // A void whose redemption took nothing we know of comes back as goods of unknown origin.
      if (left > 0) back.push({ lot: addLot(m.itemId, rowFor('unknown', null, m.itemId), 0, 0), qty: left });
      for (const { lot, qty } of back) {
        if (lot.row.source === 'unknown' && !lotsOf(m.itemId).includes(lot)) lotsOf(m.itemId).push(lot);
        lot.remaining += qty;
        if (m.inPeriod) {
          lot.row.redeemedQty -= qty;
          lot.row.redeemedValueFen -= qty * lot.unitCostFen;
        }
      }
    }
  }

  for (const lots of lotsByItem.values()) {
    for (const lot of lots) {
      lot.row.onHandQty += lot.remaining;
      lot.row.onHandValueFen += lot.remaining * lot.unitCostFen;
    }
  }
  return [...rows.values()].filter((r) => r.receivedQty || r.redeemedQty || r.lostQty || r.onHandQty || r.redeemedValueFen);
}

export interface FundingTotals {
  receivedQty: number;
  receivedValueFen: number;
  redeemedQty: number;
  redeemedValueFen: number;
  lostQty: number;
  lostValueFen: number;
  onHandQty: number;
  onHandValueFen: number;
}

/** Sums rows under a key (per purse, per purse and donor, ...), keeping the first row's order. */
export function rollUp<K>(rows: readonly FundingRow[], keyOf: (r: FundingRow) => K): { key: K; totals: FundingTotals }[] {
  const out = new Map<string, { key: K; totals: FundingTotals }>();
  for (const r of rows) {
    const key = keyOf(r);
    const k = JSON.stringify(key);
    let e = out.get(k);
    if (!e)
      out.set(
        k,
        (e = {
          key,
          totals: { receivedQty: 0, receivedValueFen: 0, redeemedQty: 0, redeemedValueFen: 0, lostQty: 0, lostValueFen: 0, onHandQty: 0, onHandValueFen: 0 },
        }),
      );
    for (const f of Object.keys(e.totals) as (keyof FundingTotals)[]) e.totals[f] += r[f];
  }
  return [...out.values()];
}
