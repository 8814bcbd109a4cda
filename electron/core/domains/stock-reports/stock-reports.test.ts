import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused, freshVillage, goods, householdWithPoints, redeem, rid, service, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const voidIt = (id: number) => v.invoke('shop', 'redemptions.void', { id, reason: '登记错误', supervisorUsername: 'admin', supervisorPin: '918273' });

describe('reports.settlement', () => {
  it("sums each provider's services in the period by village date, per service and month, leaving out voids", async () => {
    const h = await householdWithPoints(v, 500);
    const cut = await service(v, { name: '剪头发', points: 10, providers: ['barber'] });
    const pipes = await service(v, { name: '管道疏通', points: 30, providers: ['plumber', 'barber'] });
    const ac = await service(v, { name: '空调清洗', points: 50, providers: [] });
    await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });
    await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });
    await v.invoke('plumber', 'services.log', { itemId: pipes.id, householdId: h.id, requestId: rid() });
    const voided = await v.invoke('barber', 'services.log', { itemId: pipes.id, householdId: h.id, requestId: rid() });
    await voidIt(voided.id);
    // At the counter: the only provider is assumed; a named one is used; a service nobody provides stays unattributed.
    await v.invoke('shop', 'redemptions.create', {
      householdId: h.id,
      requestId: rid(),
      lines: [
        { itemId: cut.id, qty: 2 },
        { itemId: pipes.id, qty: 1, providerId: v.ids.plumber },
        { itemId: ac.id, qty: 1 },
      ],
    });
    // 23:30 on 31 March in the village is 15:30 UTC: still March.
    await v.moveClock('2026-03-31T23:30:00+08:00');
    await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });
    await v.moveClock('2026-04-01T00:10:00+08:00');
    await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });

    const march = await v.invoke('shop', 'reports.settlement', { from: '2026-03-01', to: '2026-03-31' });
    expect(march.fenPerPoint).toBeNull();
    expect(march.items.map((i) => [i.providerName, i.count, i.points, i.valueFen])).toEqual([
      ['周师傅', 2, 60, null],
      ['孙师傅', 5, 50, null],
      ['未指定服务商', 1, 50, null],
    ]);
    expect(march.items[1]).toMatchObject({
      providerId: v.ids.barber,
      services: [{ name: '剪头发', count: 5, points: 50 }],
      months: [{ month: '2026-03', count: 5 }],
    });
    expect(march.totals).toEqual({ count: 8, points: 160, valueFen: null });

    await v.invoke('admin', 'reports.setPointValue', { fenPerPoint: 10 });
    const both = await v.invoke('viewer', 'reports.settlement', { from: '2026-03-01', to: '2026-04-30' });
    expect(both.fenPerPoint).toBe(10);
    expect(both.items.find((i) => i.providerName === '孙师傅')).toMatchObject({
      count: 6,
      points: 60,
      valueFen: 600,
      months: [
        { month: '2026-03', count: 5, points: 50, valueFen: 500 },
        { month: '2026-04', count: 1, points: 10, valueFen: 100 },
      ],
    });
    expect(both.totals).toEqual({ count: 9, points: 170, valueFen: 1700 });
  });

  it('exports to Excel, checks its period, and only the admin sets the rate', async () => {
    const x = await v.invoke('shop', 'reports.settlementExport', { from: '2026-03-01', to: '2026-03-31' });
    expect(Buffer.from(x.xlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect(x.fileName).toBe('服务商结算_2026-03-01_2026-03-31.xlsx');
    await expectRefused(v, 'shop', 'reports.settlement', { from: '2026-03-31', to: '2026-03-01' }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'reports.setPointValue', { fenPerPoint: 10 }, 'FORBIDDEN');
    await expectRefused(v, 'admin', 'reports.setPointValue', { fenPerPoint: 0.5 }, 'INVALID_INPUT');
    await expectRefused(v, 'barber', 'reports.settlement', { from: '2026-03-01', to: '2026-03-31' }, 'FORBIDDEN');
    expect(await v.invoke('barber', 'reports.pointValue', {})).toEqual({ fenPerPoint: null });
  });

  it('a named provider who does not provide the service, or a provider on goods, is refused at the counter', async () => {
    const h = await householdWithPoints(v, 100);
    const cut = await service(v, { name: '剪头发', points: 10, providers: ['barber'] });
    const soap = await goods(v);
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: cut.id, qty: 1, providerId: v.ids.plumber }], requestId: rid() },
      'INVALID_INPUT',
    );
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: soap.id, qty: 1, providerId: v.ids.barber }], requestId: rid() },
      'INVALID_INPUT',
    );
  });
});

describe('services.mine and catalog.providers', () => {
  it('a provider sees their own services of the month, with totals net of voids', async () => {
    const h = await householdWithPoints(v, 100, { headName: '张三丰' });
    const cut = await service(v, { name: '剪头发', points: 10, providers: ['barber', 'plumber'] });
    const a = await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });
    const b = await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });
    await v.invoke('plumber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });
    await voidIt(a.id);
    const mine = await v.invoke('barber', 'services.mine', {});
    expect(mine).toMatchObject({ from: '2026-03-01', to: '2026-03-15', count: 1, points: 10 });
    expect(mine.items.map((i) => [i.receiptNo, i.headName, i.service, i.voided])).toEqual([
      [b.receiptNo, '张三丰', '剪头发', false],
      [a.receiptNo, '张三丰', '剪头发', true],
    ]);
    await expectRefused(v, 'shop', 'services.mine', {}, 'FORBIDDEN');
  });

  it('lists the providers a shopkeeper may assign to a service', async () => {
    const { items } = await v.invoke('shop', 'catalog.providers', {});
    expect(items.map((p) => p.username).sort()).toEqual(['barber', 'plumber']);
  });
});

describe('reports.funding', () => {
  it('attributes redeemed goods to funding sources FIFO and values them in fen', async () => {
    const h = await householdWithPoints(v, 1000);
    const rice = await goods(v, { name: '大米', stock: 0, points: 10 });
    const oil = await goods(v, { name: '食用油', stock: 0, points: 20 });
    await v.invoke('shop', 'stock.receiveNote', {
      lines: [
        { itemId: rice.id, qty: 10, fundingSource: 'fiscal', unitCostFen: 2500 },
        { itemId: rice.id, qty: 5, fundingSource: 'donation', donor: '爱心企业', unitCostFen: 3000 },
        { itemId: oil.id, qty: 4, fundingSource: 'sponsor', donor: '县农商银行', unitCostFen: 6000 },
      ],
    });
    await redeem(v, h.id, [
      { itemId: rice.id, qty: 12 },
      { itemId: oil.id, qty: 1 },
    ]);
    const r = await redeem(v, h.id, [{ itemId: oil.id, qty: 2 }]);
    await voidIt(r.id);
    await v.invoke('shop', 'stock.stocktake', { lines: [{ itemId: rice.id, countedQty: 2, reason: '霉变' }] });

    const report = await v.invoke('shop', 'reports.funding', { from: '2026-03-01', to: '2026-03-31' });
    const by = Object.fromEntries(report.items.map((i) => [i.fundingSource, i]));
    expect(report.items.map((i) => i.fundingSource)).toEqual(['fiscal', 'collective', 'donation', 'sponsor']);
    expect(by.fiscal).toMatchObject({ label: '财政补助', receivedQty: 10, receivedValueFen: 25_000, redeemedQty: 10, redeemedValueFen: 25_000, onHandQty: 0 });
    expect(by.collective).toMatchObject({ receivedQty: 0, redeemedQty: 0 });
    expect(by.donation).toMatchObject({
      receivedQty: 5,
      redeemedQty: 2,
      redeemedValueFen: 6000,
      lostQty: 1,
      lostValueFen: 3000,
      onHandQty: 2,
      onHandValueFen: 6000,
    });
    expect(by.sponsor).toMatchObject({ receivedQty: 4, receivedValueFen: 24_000, redeemedQty: 1, redeemedValueFen: 6000, onHandQty: 3 });
    expect(report.donors.map((d) => [d.fundingSource, d.donor, d.receivedQty])).toEqual([
      ['donation', '爱心企业', 5],
      ['sponsor', '县农商银行', 4],
    ]);
    expect(report.details.map((d) => [d.fundingSource, d.itemName, d.onHandQty])).toEqual([
      ['fiscal', '大米', 0],
      ['donation', '大米', 2],
      ['sponsor', '食用油', 3],
    ]);
    expect(report.totals).toMatchObject({ receivedQty: 19, redeemedQty: 13, lostQty: 1, onHandQty: 5 });

    // A later period still draws on the lots received before it.
    await v.moveClock('2026-04-02T10:00:00+08:00');
    await redeem(v, h.id, [{ itemId: rice.id, qty: 1 }]);
    const april = await v.invoke('shop', 'reports.funding', { from: '2026-04-01', to: '2026-04-30' });
    expect(april.items.find((i) => i.fundingSource === 'donation')).toMatchObject({ receivedQty: 0, redeemedQty: 1, redeemedValueFen: 3000, onHandQty: 1 });
    const x = await v.invoke('viewer', 'reports.fundingExport', { from: '2026-03-01', to: '2026-04-30' });
    expect(Buffer.from(x.xlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
