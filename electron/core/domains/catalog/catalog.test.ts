import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  count,
  expectRefused,
  freshVillage,
  lastAuditSummary,
  goods,
  householdWithPoints,
  redeem,
  service,
  stockOf,
  ownEvents,
  type Village,
} from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('catalog.save', () => {
  it('a duplicate barcode is a CONFLICT, for a new item and for an edit', async () => {
    await goods(v, { name: '洗衣粉', barcode: '6901234567890' });
    const other = await goods(v, { name: '香皂', barcode: '6909999999999' });
    await expectRefused(v, 'shop', 'catalog.save', { kind: 'goods', name: '肥皂', unit: '块', points: 5, barcode: '6901234567890' }, 'CONFLICT');
    await expectRefused(v, 'shop', 'catalog.save', { id: other.id, kind: 'goods', name: '香皂', unit: '块', points: 5, barcode: '6901234567890' }, 'CONFLICT');
    // Saving an item with its own barcode is not a clash.
    await v.invoke('shop', 'catalog.save', { id: other.id, kind: 'goods', name: '香皂', unit: '块', points: 6, barcode: '6909999999999' });
  });

  it('finds goods by barcode; an inactive item is hidden unless asked for', async () => {
    const soap = await goods(v, { name: '香皂', barcode: '6909999999999', stock: 4 });
    expect((await v.invoke('shop', 'catalog.list', { barcode: '6909999999999' })).items).toMatchObject([{ id: soap.id, stock: 4 }]);
    await v.invoke('shop', 'catalog.save', { id: soap.id, kind: 'goods', name: '香皂', unit: '袋', points: 10, active: false });
    expect((await v.invoke('shop', 'catalog.list', { barcode: '6909999999999' })).items).toEqual([]);
    expect((await v.invoke('shop', 'catalog.list', { includeInactive: true })).items.map((i) => i.id)).toContain(soap.id);
  });

  it("an edit's audit row says what each changed field was and now is; a save that changes nothing says so; a new item has no note", async () => {
    const oil = await goods(v, { name: '食用油', points: 20 });
    const lastSummary = () => lastAuditSummary(v.db, 'catalog.save');
    await v.invoke('shop', 'catalog.save', { id: oil.id, kind: 'goods', name: '花生油', unit: oil.unit, points: 25, limitPerHouseholdPerYear: 2 });
    expect(lastSummary()).toBe(`保存商品 #${oil.id} 花生油 | 名称 "食用油" → "花生油"；积分 20 → 25；每户每年限兑 无 → 2`);
    await v.invoke('shop', 'catalog.save', { id: oil.id, kind: 'goods', name: '花生油', unit: oil.unit, points: 25, limitPerHouseholdPerYear: 2 });
    expect(lastSummary()).toBe(`保存商品 #${oil.id} 花生油 | 无变化`);
    await v.invoke('shop', 'catalog.save', { kind: 'goods', name: '香皂', unit: '块', points: 5 });
    expect(lastSummary()).toMatch(/^保存商品 #\d+ 香皂$/);
  });

  it('refuses invalid items without writing', async () => {
    await expectRefused(v, 'shop', 'catalog.save', { kind: 'goods', name: '香皂', unit: '块' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'catalog.save', { kind: 'goods', name: '香皂', unit: '块', points: 2.5 }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'catalog.save', { kind: 'goods', name: '香皂', unit: '块', points: 0 }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'catalog.save', { kind: 'food', name: '香皂', unit: '块', points: 5 }, 'INVALID_INPUT');
    await expectRefused(
      v,
      'shop',
      'catalog.save',
      { kind: 'service', name: '医保', unit: '次', openPrice: true, minPoints: 50, maxPoints: 10 },
      'INVALID_INPUT',
    );
    await expectRefused(v, 'shop', 'catalog.save', { kind: 'service', name: '剪头发', unit: '次', points: 5, providerIds: [v.ids.viewer] }, 'NOT_FOUND');
    await expectRefused(v, 'shop', 'catalog.save', { id: 9999, kind: 'goods', name: '香皂', unit: '块', points: 5 }, 'NOT_FOUND');
    const soap = await goods(v);
    await expectRefused(v, 'shop', 'catalog.save', { id: soap.id, kind: 'service', name: '香皂', unit: '块', points: 5 }, 'CONFLICT');
  });

  it('a price change does not rewrite past receipts', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { name: '香皂', points: 10 });
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    await v.invoke('shop', 'catalog.save', { id: soap.id, kind: 'goods', name: '香皂(大)', unit: '袋', points: 15 });
    expect(await v.invoke('shop', 'redemptions.get', { id: r.id })).toMatchObject({ totalPoints: 10, lines: [{ name: '香皂', unitPoints: 10 }] });
  });
});

describe('stock', () => {
  it('stock.receive adds a movement with its funding source, one sync event and one audit row', async () => {
    const rice = await goods(v, { name: '大米', stock: 0 });
    const [events, audit] = [ownEvents(v.db).length, count(v.db, 'audit')];
    const r = await v.invoke('shop', 'stock.receive', { itemId: rice.id, qty: 20, fundingSource: 'donation', donor: '县供销社', unitCostFen: 2500 });
    expect(r.stock).toBe(20);
    expect(v.db.prepare('SELECT delta, kind, funding_source, donor, unit_cost_fen, user_id FROM stock_movements WHERE item_id = ?').all(rice.id)).toEqual([
      { delta: 20, kind: 'receive', funding_source: 'donation', donor: '县供销社', unit_cost_fen: 2500, user_id: v.ids.shop },
    ]);
    expect([ownEvents(v.db).length - events, count(v.db, 'audit') - audit]).toEqual([1, 1]);
    expect(ownEvents(v.db).at(-1)?.type).toBe('stock.receive');
  });

  it('stock.receive refuses bad quantities, a missing donor, services and unknown items', async () => {
    const rice = await goods(v, { name: '大米', stock: 0 });
    const cut = await service(v);
    for (const qty of [0, -1, 1.5, '3']) {
      await expectRefused(v, 'shop', 'stock.receive', { itemId: rice.id, qty, fundingSource: 'fiscal' }, 'INVALID_INPUT');
    }
    await expectRefused(v, 'shop', 'stock.receive', { itemId: rice.id, qty: 1, fundingSource: 'donation' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receive', { itemId: rice.id, qty: 1, fundingSource: 'sponsor' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receive', { itemId: rice.id, qty: 1, fundingSource: 'lottery' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receive', { itemId: cut.id, qty: 1, fundingSource: 'fiscal' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receive', { itemId: 9999, qty: 1, fundingSource: 'fiscal' }, 'NOT_FOUND');
  });

  it('stock.count writes the difference with its reason, and nothing when it matches', async () => {
    const rice = await goods(v, { name: '大米', stock: 10 });
    const r = await v.invoke('shop', 'stock.count', { itemId: rice.id, countedQty: 7, reason: '鼠害' });
    expect(r).toEqual({ itemId: rice.id, stock: 7, delta: -3, sheetNo: 'PD-C01-2026-0001' });
    expect(stockOf(v.db, rice.id)).toBe(7);
    expect(v.db.prepare("SELECT delta, reason FROM stock_movements WHERE kind = 'count'").all()).toEqual([{ delta: -3, reason: '鼠害' }]);
    const movements = count(v.db, 'stock_movements');
    expect((await v.invoke('shop', 'stock.count', { itemId: rice.id, countedQty: 7, reason: '复盘' })).delta).toBe(0);
    expect(count(v.db, 'stock_movements')).toBe(movements);
    await v.invoke('shop', 'stock.count', { itemId: rice.id, countedQty: 0, reason: '全部过期' });
    expect(stockOf(v.db, rice.id)).toBe(0);
  });

  it('stock.count refuses a negative count or a missing reason', async () => {
    const rice = await goods(v, { name: '大米', stock: 10 });
    await expectRefused(v, 'shop', 'stock.count', { itemId: rice.id, countedQty: -1, reason: '盘点' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.count', { itemId: rice.id, countedQty: 5 }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.count', { itemId: rice.id, countedQty: 5, reason: '' }, 'INVALID_INPUT');
  });
});
