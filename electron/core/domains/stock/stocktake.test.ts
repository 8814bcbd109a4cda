import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, expectRefused, freshVillage, goods, householdWithPoints, redeem, stockOf, ownEvents, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('stock.stocktake', () => {
  it('records every counted line and one count movement per variance, with its reason', async () => {
    const rice = await goods(v, { name: '大米', stock: 10, barcode: '6900000000011' });
    const oil = await goods(v, { name: '食用油', stock: 5 });
    const soap = await goods(v, { name: '香皂', stock: 2 });
    const [events, audit] = [ownEvents(v.db).length, count(v.db, 'audit')];
    const sheet = await v.invoke('shop', 'stock.stocktake', {
      reason: '月末盘点',
      note: '三月盘点',
      lines: [
        { barcode: '6900000000011', countedQty: 8, expectedQty: 10, reason: '鼠害' },
        { itemId: oil.id, countedQty: 5 },
        { itemId: soap.id, countedQty: 3 },
      ],
    });
    expect(sheet).toMatchObject({
      sheetNo: 'PD-C01-2026-0001',
      scope: 'all',
      note: '三月盘点',
      date: '2026-03-15',
      lineCount: 3,
      varianceCount: 2,
      surplusQty: 1,
      shortageQty: 2,
      lines: [
        { itemId: rice.id, name: '大米', expectedQty: 10, countedQty: 8, delta: -2, reason: '鼠害' },
        { itemId: oil.id, expectedQty: 5, countedQty: 5, delta: 0, reason: '' },
        { itemId: soap.id, expectedQty: 2, countedQty: 3, delta: 1, reason: '月末盘点' },
      ],
    });
    expect([stockOf(v.db, rice.id), stockOf(v.db, oil.id), stockOf(v.db, soap.id)]).toEqual([8, 5, 3]);
    expect(v.db.prepare("SELECT item_id, delta, reason FROM stock_movements WHERE kind = 'count' ORDER BY id").all()).toEqual([
      { item_id: rice.id, delta: -2, reason: '鼠害' },
      { item_id: soap.id, delta: 1, reason: '月末盘点' },
    ]);
    expect([ownEvents(v.db).length - events, count(v.db, 'audit') - audit]).toEqual([1, 1]);
    expect(await v.invoke('viewer', 'stock.stocktakeGet', { id: sheet.id })).toEqual(sheet);
    const partial = await v.invoke('shop', 'stock.stocktake', { lines: [{ itemId: oil.id, countedQty: 5 }] });
    expect([partial.sheetNo, partial.scope, partial.varianceCount]).toEqual(['PD-C01-2026-0002', 'partial', 0]);
    expect((await v.invoke('shop', 'stock.stocktakes', {})).items.map((s) => s.sheetNo)).toEqual(['PD-C01-2026-0002', 'PD-C01-2026-0001']);
    const moves = (await v.invoke('shop', 'stock.movements', { kind: 'count' })).items;
    expect(moves.map((m) => m.docNo)).toEqual(['PD-C01-2026-0001', 'PD-C01-2026-0001']);
  });

  it('refuses a variance without a reason, a stale expected quantity, a duplicate, an unknown barcode and a negative count — all or nothing', async () => {
    const h = await householdWithPoints(v, 100);
    const rice = await goods(v, { name: '大米', stock: 10 });
    const oil = await goods(v, { name: '食用油', stock: 5 });
    const ok = { itemId: oil.id, countedQty: 4, reason: '破损' };
    const noReason = await expectRefused(v, 'shop', 'stock.stocktake', { lines: [ok, { itemId: rice.id, countedQty: 9 }] }, 'INVALID_INPUT');
    expect(noReason.message).toContain('大米');
    await redeem(v, h.id, [{ itemId: rice.id, qty: 1 }]);
    const stale = await expectRefused(
      v,
      'shop',
      'stock.stocktake',
      { lines: [ok, { itemId: rice.id, countedQty: 9, expectedQty: 10, reason: 'x' }] },
      'CONFLICT',
    );
    expect(stale.details).toMatchObject({ expectedQty: 10, stock: 9 });
    await expectRefused(v, 'shop', 'stock.stocktake', { lines: [ok, { ...ok, countedQty: 3 }] }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.stocktake', { lines: [ok, { barcode: '6999999999999', countedQty: 1 }] }, 'NOT_FOUND');
    await expectRefused(v, 'shop', 'stock.stocktake', { lines: [{ itemId: rice.id, countedQty: -1, reason: 'x' }] }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'stock.stocktake', { lines: [ok] }, 'FORBIDDEN');
    expect(count(v.db, 'stocktakes')).toBe(0);
    expect((await v.invoke('shop', 'stock.stocktake', { lines: [ok] })).sheetNo).toBe('PD-C01-2026-0001');
  });
});
