import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, expectRefused, freshVillage, goods, householdWithPoints, redeem, service, stockOf, ownEvents, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('stock.receiveNote', () => {
  it('writes a numbered note whose lines are receive movements, one per line, with funding source, donor and cost', async () => {
    const rice = await goods(v, { name: '大米', stock: 0, barcode: '6900000000011' });
    const oil = await goods(v, { name: '食用油', stock: 0 });
    const [events, audit] = [ownEvents(v.db).length, count(v.db, 'audit')];
    const note = await v.invoke('shop', 'stock.receiveNote', {
      note: '三月进货',
      lines: [
        { barcode: '6900000000011', qty: 20, fundingSource: 'fiscal', unitCostFen: 2500 },
        { itemId: oil.id, qty: 6, fundingSource: 'donation', donor: '县供销社', unitCostFen: 5900 },
        { itemId: rice.id, qty: 4, fundingSource: 'sponsor', donor: '县农商银行' },
      ],
    });
    expect(note).toMatchObject({
      noteNo: 'RK-C01-2026-0001',
      note: '三月进货',
      date: '2026-03-15',
      userName: '李店长',
      totals: { qty: 30, valueFen: 20 * 2500 + 6 * 5900 },
      lines: [
        { itemId: rice.id, name: '大米', qty: 20, fundingSource: 'fiscal', donor: null, unitCostFen: 2500, valueFen: 50_000 },
        { itemId: oil.id, qty: 6, fundingSource: 'donation', donor: '县供销社', valueFen: 35_400 },
        { itemId: rice.id, qty: 4, fundingSource: 'sponsor', donor: '县农商银行', unitCostFen: null, valueFen: 0 },
      ],
    });
    expect(note.bySource).toEqual([
      { fundingSource: 'fiscal', donor: null, qty: 20, valueFen: 50_000 },
      { fundingSource: 'donation', donor: '县供销社', qty: 6, valueFen: 35_400 },
      { fundingSource: 'sponsor', donor: '县农商银行', qty: 4, valueFen: 0 },
    ]);
    expect([stockOf(v.db, rice.id), stockOf(v.db, oil.id)]).toEqual([24, 6]);
    expect(count(v.db, 'stock_movements', `receiving_note_id = ${note.id}`)).toBe(3);
    expect([ownEvents(v.db).length - events, count(v.db, 'audit') - audit]).toEqual([1, 1]);
    expect(await v.invoke('shop', 'stock.note', { id: note.id })).toEqual(note);
    const second = await v.invoke('shop', 'stock.receiveNote', { lines: [{ itemId: oil.id, qty: 1, fundingSource: 'collective' }] });
    expect(second.noteNo).toBe('RK-C01-2026-0002');
    expect((await v.invoke('shop', 'stock.notes', {})).items.map((n) => [n.noteNo, n.qty, n.fundingSources])).toEqual([
      ['RK-C01-2026-0002', 1, ['collective']],
      ['RK-C01-2026-0001', 30, ['fiscal', 'donation', 'sponsor']],
    ]);
  });

  it('stock.receive is a one-line note', async () => {
    const rice = await goods(v, { name: '大米', stock: 0 });
    const r = await v.invoke('shop', 'stock.receive', { itemId: rice.id, qty: 5, fundingSource: 'fiscal', note: '补货' });
    expect(r).toMatchObject({ itemId: rice.id, stock: 5, noteNo: 'RK-C01-2026-0001' });
    expect((await v.invoke('shop', 'stock.note', { id: r.noteId })).lines).toMatchObject([{ itemId: rice.id, qty: 5 }]);
  });

  it('an unknown barcode, a service, a missing donor or a bad line refuses the whole note and uses no number', async () => {
    const rice = await goods(v, { name: '大米', stock: 0 });
    const cut = await service(v);
    const good = { itemId: rice.id, qty: 1, fundingSource: 'fiscal' as const };
    const err = await expectRefused(
      v,
      'shop',
      'stock.receiveNote',
      { lines: [good, { barcode: '6999999999999', qty: 1, fundingSource: 'fiscal' }] },
      'NOT_FOUND',
    );
    expect(err.message).toContain('6999999999999');
    expect(err.details).toMatchObject({ barcode: '6999999999999', line: 2 });
    await expectRefused(v, 'shop', 'stock.receiveNote', { lines: [good, { itemId: cut.id, qty: 1, fundingSource: 'fiscal' }] }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receiveNote', { lines: [good, { itemId: rice.id, qty: 1, fundingSource: 'donation' }] }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receiveNote', { lines: [{ ...good, qty: 1.5 }] }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receiveNote', { lines: [{ ...good, unitCostFen: 12.5 }] }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receiveNote', { lines: [{ ...good, barcode: '6900000000011' }] }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'stock.receiveNote', { lines: [] }, 'INVALID_INPUT');
    await expectRefused(v, 'barber', 'stock.receiveNote', { lines: [good] }, 'FORBIDDEN');
    expect((await v.invoke('shop', 'stock.receiveNote', { lines: [good] })).noteNo).toBe('RK-C01-2026-0001');
  });
});

describe('stock.movements and stock.low', () => {
  it('lists every receive, redeem, void and count with a running balance that ends at stock on hand', async () => {
    const h = await householdWithPoints(v, 100);
    const rice = await goods(v, { name: '大米', stock: 10, points: 5 });
    const r = await redeem(v, h.id, [{ itemId: rice.id, qty: 3 }]);
    await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '拿错了', supervisorUsername: 'admin', supervisorPin: '918273' });
    await v.invoke('shop', 'stock.count', { itemId: rice.id, countedQty: 8, reason: '鼠害' });
    const { items, truncated } = await v.invoke('shop', 'stock.movements', { itemId: rice.id });
    expect(truncated).toBe(false);
    expect(items.map((m) => [m.kind, m.delta, m.balance, m.fundingSource, m.reason])).toEqual([
      ['receive', 10, 10, 'fiscal', null],
      ['redeem', -3, 7, null, null],
      ['void', 3, 10, null, '拿错了'],
      ['count', -2, 8, null, '鼠害'],
    ]);
    expect(items[1]).toMatchObject({ docNo: r.receiptNo, itemName: '大米', date: '2026-03-15', at: '2026-03-15T02:00:00.000Z' });
    expect(items.at(-1)!.balance).toBe(stockOf(v.db, rice.id));
    expect((await v.invoke('shop', 'stock.movements', { kind: 'redeem' })).items).toHaveLength(1);
    expect((await v.invoke('shop', 'stock.movements', { from: '2026-03-16' })).items).toHaveLength(0);
    expect((await v.invoke('shop', 'stock.movements', { from: '2026-03-15', to: '2026-03-15' })).items).toHaveLength(4);
    const last2 = await v.invoke('shop', 'stock.movements', { itemId: rice.id, limit: 2 });
    expect([last2.truncated, last2.items.map((m) => m.kind)]).toEqual([true, ['void', 'count']]);
  });

  it('a low-stock threshold marks items in the catalog and lists them in stock.low', async () => {
    const rice = await goods(v, { name: '大米', stock: 3 });
    await goods(v, { name: '食用油', stock: 30 });
    await v.invoke('shop', 'catalog.save', { id: rice.id, kind: 'goods', name: '大米', unit: '袋', points: 10, lowStockThreshold: 5 });
    const listed = (await v.invoke('shop', 'catalog.list', { kind: 'goods' })).items;
    expect(listed.map((i) => [i.name, i.lowStockThreshold, i.low])).toEqual([
      ['大米', 5, true],
      ['食用油', null, false],
    ]);
    expect((await v.invoke('clerk', 'stock.low', {})).items).toEqual([
      { id: rice.id, name: '大米', unit: '袋', barcode: null, category: '', stock: 3, lowStockThreshold: 5 },
    ]);
    // A save that does not mention the threshold keeps it.
    await v.invoke('shop', 'catalog.save', { id: rice.id, kind: 'goods', name: '东北大米', unit: '袋', points: 10 });
    expect((await v.invoke('shop', 'stock.low', {})).items).toMatchObject([{ name: '东北大米', lowStockThreshold: 5 }]);
    await v.invoke('shop', 'stock.receive', { itemId: rice.id, qty: 3, fundingSource: 'fiscal' });
    expect((await v.invoke('shop', 'stock.low', {})).items).toEqual([]);
    await expectRefused(
      v,
      'shop',
      'catalog.save',
      { id: rice.id, kind: 'goods', name: '大米', unit: '袋', points: 10, lowStockThreshold: -1 },
      'INVALID_INPUT',
    );
  });
});
