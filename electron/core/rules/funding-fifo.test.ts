import { describe, expect, it } from 'vitest';
import { attributeFifo, rollUp, type FifoMovement, type FundingRow } from './funding-fifo.js';

const rice = 1;
const oil = 2;
const receive = (
  itemId: number,
  qty: number,
  fundingSource: FifoMovement['fundingSource'],
  unitCostFen: number | null,
  donor: string | null = null,
  inPeriod = true,
): FifoMovement => ({ itemId, delta: qty, kind: 'receive', fundingSource, unitCostFen, donor, inPeriod });
const redeem = (itemId: number, qty: number, redemptionId: number, inPeriod = true): FifoMovement => ({
  itemId,
  delta: -qty,
  kind: 'redeem',
  redemptionId,
  inPeriod,
});
const voidOf = (itemId: number, qty: number, redemptionId: number, inPeriod = true): FifoMovement => ({
  itemId,
  delta: qty,
  kind: 'void',
  redemptionId,
  inPeriod,
});
const count = (itemId: number, delta: number, inPeriod = true): FifoMovement => ({ itemId, delta, kind: 'count', inPeriod });

const pick = (rows: FundingRow[], source: string, itemId = rice, donor: string | null = null) => {
  const r = rows.find((x) => x.source === source && x.itemId === itemId && x.donor === donor);
  if (!r) throw new Error(`no row ${source}/${donor}/${itemId}`);
  return r;
};

describe('FIFO attribution of redeemed goods to funding sources', () => {
  it('takes from the oldest receipt first, crossing into the next lot', () => {
    const rows = attributeFifo([receive(rice, 10, 'fiscal', 2500), receive(rice, 5, 'donation', 3000, '爱心企业'), redeem(rice, 12, 1)]);
    expect(pick(rows, 'fiscal')).toMatchObject({ receivedQty: 10, receivedValueFen: 25_000, redeemedQty: 10, redeemedValueFen: 25_000, onHandQty: 0 });
    expect(pick(rows, 'donation', rice, '爱心企业')).toMatchObject({
      receivedQty: 5,
      receivedValueFen: 15_000,
      redeemedQty: 2,
      redeemedValueFen: 6000,
      onHandQty: 3,
      onHandValueFen: 9000,
    });
  });

  it('keeps items apart', () => {
    const rows = attributeFifo([receive(rice, 3, 'fiscal', 100), receive(oil, 3, 'sponsor', 200, '县供电公司'), redeem(oil, 2, 1)]);
    expect(pick(rows, 'fiscal', rice)).toMatchObject({ redeemedQty: 0, onHandQty: 3 });
    expect(pick(rows, 'sponsor', oil, '县供电公司')).toMatchObject({ redeemedQty: 2, redeemedValueFen: 400, onHandQty: 1 });
  });

  it('a void puts back into the lots its redemption took from, so the next redemption takes them again', () => {
    const rows = attributeFifo([
      receive(rice, 2, 'fiscal', 100),
      receive(rice, 2, 'collective', 150),
      redeem(rice, 3, 1),
      voidOf(rice, 3, 1),
      redeem(rice, 1, 2),
    ]);
    expect(pick(rows, 'fiscal')).toMatchObject({ redeemedQty: 1, redeemedValueFen: 100, onHandQty: 1 });
    expect(pick(rows, 'collective')).toMatchObject({ redeemedQty: 0, redeemedValueFen: 0, onHandQty: 2, onHandValueFen: 300 });
  });

  it('lots received before the period feed the period, but only the period adds to its totals', () => {
    const rows = attributeFifo([
      receive(rice, 4, 'fiscal', 100, null, false),
      redeem(rice, 1, 1, false),
      receive(rice, 4, 'collective', 100),
      redeem(rice, 5, 2),
    ]);
    expect(pick(rows, 'fiscal')).toMatchObject({ receivedQty: 0, redeemedQty: 3, onHandQty: 0 });
    expect(pick(rows, 'collective')).toMatchObject({ receivedQty: 4, redeemedQty: 2, onHandQty: 2 });
  });

  it('a void in the period of a redemption before it nets the period negative', () => {
    const rows = attributeFifo([receive(rice, 4, 'fiscal', 100, null, false), redeem(rice, 2, 1, false), voidOf(rice, 2, 1)]);
    expect(pick(rows, 'fiscal')).toMatchObject({ redeemedQty: -2, redeemedValueFen: -200, onHandQty: 4 });
  });

  it('a stocktake shortfall is a loss taken FIFO; a surplus is a lot of its own, taken after the older lots', () => {
    const rows = attributeFifo([receive(rice, 3, 'fiscal', 100), count(rice, -1), count(rice, 2), redeem(rice, 3, 1)]);
    expect(pick(rows, 'fiscal')).toMatchObject({ lostQty: 1, lostValueFen: 100, redeemedQty: 2, onHandQty: 0 });
    expect(pick(rows, 'surplus')).toMatchObject({ receivedQty: 2, receivedValueFen: 0, redeemedQty: 1, onHandQty: 1 });
  });

  it('goods leaving with no lot on the shelf are of unknown origin, and come back as such when voided', () => {
    const oversold = attributeFifo([receive(rice, 1, 'fiscal', 100), redeem(rice, 3, 1)]);
    expect(pick(oversold, 'unknown')).toMatchObject({ redeemedQty: 2, redeemedValueFen: 0 });
    const voided = attributeFifo([receive(rice, 1, 'fiscal', 100), redeem(rice, 3, 1), voidOf(rice, 3, 1)]);
    expect(pick(voided, 'fiscal')).toMatchObject({ redeemedQty: 0, onHandQty: 1 });
    expect(pick(voided, 'unknown')).toMatchObject({ redeemedQty: 0, onHandQty: 2 });
  });

  it('on hand from the lots equals stock on hand (the sum of the movements)', () => {
    const moves = [
      receive(rice, 10, 'fiscal', 100),
      receive(rice, 6, 'donation', 0, '张老板'),
      redeem(rice, 7, 1),
      count(rice, -2),
      redeem(rice, 4, 2),
      voidOf(rice, 7, 1),
      count(rice, 3),
      receive(rice, 1, 'sponsor', null, '县农商行'),
      redeem(rice, 9, 3),
    ];
    const rows = attributeFifo(moves);
    const stock = moves.reduce((s, m) => s + m.delta, 0);
    expect(rows.reduce((s, r) => s + r.onHandQty, 0)).toBe(stock);
    const out = moves.filter((m) => m.kind === 'redeem').reduce((s, m) => s - m.delta, 0) - 7;
    expect(rows.reduce((s, r) => s + r.redeemedQty, 0)).toBe(out);
  });

  it('a missing unit cost counts the goods at 0 fen', () => {
    const rows = attributeFifo([receive(rice, 2, 'donation', null, '村民捐赠'), redeem(rice, 1, 1)]);
    expect(pick(rows, 'donation', rice, '村民捐赠')).toMatchObject({ receivedQty: 2, receivedValueFen: 0, redeemedQty: 1, redeemedValueFen: 0 });
  });

  it('rolls rows up by purse', () => {
    const rows = attributeFifo([receive(rice, 2, 'donation', 100, '甲'), receive(oil, 3, 'donation', 200, '乙'), redeem(oil, 1, 1)]);
    expect(rollUp(rows, (r) => r.source)).toEqual([
      {
        key: 'donation',
        totals: {
          receivedQty: 5,
          receivedValueFen: 800,
          redeemedQty: 1,
          redeemedValueFen: 200,
          lostQty: 0,
          lostValueFen: 0,
          onHandQty: 4,
          onHandValueFen: 600,
        },
      },
    ]);
  });
});
