import { describe, expect, it } from 'vitest';
import { stocktakeLines, stocktakeScope } from './stocktake.js';

const stock: Record<number, number> = { 1: 10, 2: 0, 3: 5 };
const stockOf = (id: number) => stock[id] ?? 0;

describe('stocktake lines', () => {
  it('compares counted with stock on hand; a match has no delta and needs no reason', () => {
    expect(
      stocktakeLines(
        [
          { itemId: 1, countedQty: 8, reason: '破损' },
          { itemId: 3, countedQty: 5 },
        ],
        stockOf,
      ),
    ).toEqual({
      ok: true,
      lines: [
        { itemId: 1, expectedQty: 10, countedQty: 8, delta: -2, reason: '破损' },
        { itemId: 3, expectedQty: 5, countedQty: 5, delta: 0, reason: '' },
      ],
    });
  });
  it('a variance without its own reason takes the sheet reason, and without either is refused', () => {
    expect(stocktakeLines([{ itemId: 2, countedQty: 1 }], stockOf, '月末盘点')).toMatchObject({ ok: true, lines: [{ delta: 1, reason: '月末盘点' }] });
    expect(stocktakeLines([{ itemId: 2, countedQty: 1, reason: '  ' }], stockOf)).toEqual({ ok: false, problem: { kind: 'noReason', itemId: 2, delta: 1 } });
  });
  it('refuses an item counted twice', () => {
    expect(
      stocktakeLines(
        [
          { itemId: 1, countedQty: 10 },
          { itemId: 1, countedQty: 9 },
        ],
        stockOf,
      ),
    ).toEqual({ ok: false, problem: { kind: 'duplicate', itemId: 1 } });
  });
  it('refuses a line whose expected quantity is no longer the stock on hand', () => {
    expect(stocktakeLines([{ itemId: 1, countedQty: 9, expectedQty: 11, reason: 'x' }], stockOf)).toEqual({
      ok: false,
      problem: { kind: 'stale', itemId: 1, expectedQty: 11, stock: 10 },
    });
    expect(stocktakeLines([{ itemId: 1, countedQty: 9, expectedQty: 10, reason: 'x' }], stockOf)).toMatchObject({ ok: true });
  });
});

describe('stocktake scope', () => {
  it('is all when every active goods item was counted, partial otherwise', () => {
    expect(stocktakeScope([1, 2, 3], [1, 2, 3])).toBe('all');
    expect(stocktakeScope([1, 2, 3, 9], [1, 2, 3])).toBe('all');
    expect(stocktakeScope([1, 3], [1, 2, 3])).toBe('partial');
  });
});
