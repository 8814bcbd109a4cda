// reports.summary on crafted data: categories with reversals and unapproved entries, participation,
// redemptions and receipts on both sides of 30 Sept / 1 Oct in the village's time zone, voids, services.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshVillage, household, rid, users, type Village } from '../../test-support.js';

let v: Village;
const ids: Record<string, number> = {};

beforeAll(async () => {
  v = await freshVillage();
  await v.moveClock('2026-09-30T20:00:00+08:00');
  const rule = async (category: string, kind: 'award' | 'deduction') =>
    (await v.invoke('admin', 'rules.save', { category, name: `${category}${kind}`, kind, minPoints: 1, maxPoints: 1000 })).id;
  const [civic, hygiene, filial] = [await rule('乡风文明', 'award'), await rule('环境卫生', 'deduction'), await rule('孝老爱亲', 'award')];
  const give = async (h: number, ruleId: number, points: number, occurredOn: string, approve: boolean | 'reject' = true) => {
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [h], ruleId, points, occurredOn });
    if (approve === true) await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'approve' });
    if (approve === 'reject') await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '不实' });
    return entries[0].id;
  };
  for (const name of ['甲', '乙', '丙', '丁', '戊']) ids[name] = (await household(v, { headName: name })).id;
  await give(ids.甲, civic, 100, '2026-07-05');
  await give(ids.甲, filial, 20, '2026-09-30');
  await give(ids.乙, civic, 50, '2026-08-01');
  await give(ids.乙, hygiene, 10, '2026-08-02');
  const wrong = await give(ids.丙, civic, 40, '2026-09-01');
  await v.invoke('clerk', 'points.reverse', { entryId: wrong, reason: '录错' }); // 丙 had an entry, taken back
  await give(ids.丁, civic, 300, '2026-09-10', false); // pending: not counted anywhere
  await give(ids.戊, civic, 200, '2026-09-11', 'reject');
  await give(ids.甲, civic, 5, '2026-03-01'); // Q1: outside Q3

  const soap = await v.invoke('shop', 'catalog.save', { kind: 'goods', name: '洗衣粉', unit: '袋', points: 10 });
  const cut = await v.invoke('shop', 'catalog.save', { kind: 'service', name: '剪头发', unit: '次', points: 5, providerIds: [v.ids.barber] });
  ids.soap = soap.id;
  await v.invoke('shop', 'stock.receive', { itemId: soap.id, qty: 20, fundingSource: 'fiscal', unitCostFen: 800 });
  await v.moveClock('2026-09-30T23:30:00+08:00');
  await v.invoke('shop', 'redemptions.create', { householdId: ids.甲, lines: [{ itemId: soap.id, qty: 2 }], requestId: rid() });
  await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: ids.乙, requestId: rid() });
  const voided = await v.invoke('shop', 'redemptions.create', { householdId: ids.乙, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() });
  await v.invoke('shop', 'redemptions.void', { id: voided.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
  // 00:30 on 1 October in the village is still 30 September in UTC: this belongs to Q4.
  await v.moveClock('2026-10-01T00:30:00+08:00');
  await v.invoke('shop', 'redemptions.create', { householdId: ids.甲, lines: [{ itemId: soap.id, qty: 3 }], requestId: rid() });
  await v.invoke('shop', 'stock.receive', { itemId: soap.id, qty: 5, fundingSource: 'donation', donor: '爱心企业' });
  await give(ids.乙, civic, 30, '2026-10-01');
});
afterAll(() => v?.close());

const q3 = { year: 2026, from: '2026-07-01', to: '2026-09-30' };

describe('reports.summary', () => {
  it('points by category count approved entries only, a reversal netting against the kind it reverses', async () => {
    const s = await v.invoke('viewer', 'reports.summary', q3);
    expect(s.points.byCategory).toEqual([
      { category: '乡风文明', awarded: 150, deducted: 0, net: 150, entries: 3, households: 3 },
      { category: '孝老爱亲', awarded: 20, deducted: 0, net: 20, entries: 1, households: 1 },
      { category: '环境卫生', awarded: 0, deducted: 10, net: -10, entries: 1, households: 1 },
    ]);
    expect(s.points).toMatchObject({ awarded: 170, deducted: 10, net: 160 });
  });

  it('participation: households with any approved entry in the period, of all households', async () => {
    expect((await v.invoke('viewer', 'reports.summary', q3)).participation).toEqual({ households: 5, withPoints: 3 });
    expect((await v.invoke('viewer', 'reports.summary', { year: 2026, from: '2026-10-01', to: '2026-10-31' })).participation).toEqual({
      households: 5,
      withPoints: 1,
    });
  });

  it('redemptions by item and service, by village date, without voided ones', async () => {
    const s = await v.invoke('shop', 'reports.summary', q3);
    expect(s.redemptions).toMatchObject({ count: 2, points: 25, households: 2 });
    expect(s.redemptions.byItem.map((i) => [i.name, i.qty, i.points])).toEqual([['洗衣粉', 2, 20]]);
    expect(s.redemptions.byService.map((i) => [i.name, i.qty, i.points])).toEqual([['剪头发', 1, 5]]);
    const q4 = await v.invoke('shop', 'reports.summary', { year: 2026, from: '2026-10-01', to: '2026-12-31' });
    expect(q4.redemptions.byItem.map((i) => [i.name, i.qty])).toEqual([['洗衣粉', 3]]);
  });

  it('stock and funding by source split at village midnight; provider settlement', async () => {
    const s = await v.invoke('shop', 'reports.summary', q3);
    expect(s.stock.items.find((i) => i.itemId === ids.soap)).toMatchObject({ received: 20, redeemed: 3, returned: 1, onHand: 18 });
    expect(s.stock.funding.items.find((f) => f.fundingSource === 'fiscal')).toMatchObject({ receivedQty: 20, receivedValueFen: 16000 });
    expect(s.stock.funding.items.find((f) => f.fundingSource === 'donation')).toMatchObject({ receivedQty: 0 });
    const oct = await v.invoke('shop', 'reports.summary', { year: 2026, from: '2026-10-01', to: '2026-10-31' });
    expect(oct.stock.funding.items.find((f) => f.fundingSource === 'donation')).toMatchObject({ receivedQty: 5 });
    expect(s.providers.items.map((p) => [p.providerName, p.count, p.points])).toEqual([[users.barber.name, 1, 5]]);
  });

  it('the months of the period, for the trend chart', async () => {
    const s = await v.invoke('viewer', 'reports.summary', { year: 2026 });
    expect(s.months).toHaveLength(12);
    expect(s.months[2]).toEqual({ month: '2026-03', awarded: 5, deducted: 0, redeemed: 0 });
    expect(s.months[8]).toEqual({ month: '2026-09', awarded: 20, deducted: 0, redeemed: 25 });
    expect(s.months[9]).toEqual({ month: '2026-10', awarded: 30, deducted: 0, redeemed: 30 });
  });

  it('the progress report to the end of September is cumulative from 1 January', async () => {
    const s = await v.invoke('viewer', 'reports.summary', { year: 2026, to: '2026-09-30' });
    expect(s.from).toBe('2026-01-01');
    expect(s.points.awarded).toBe(175);
  });

  it('a period must lie inside its points year', async () => {
    for (const p of [
      { year: 2026, from: '2025-12-01' },
      { year: 2026, to: '2027-01-01' },
      { year: 2026, from: '2026-05-01', to: '2026-04-01' },
    ]) {
      const r = await v.call('viewer', 'reports.summary', p);
      expect('error' in r && r.error.code).toBe('INVALID_INPUT');
    }
    const r = await v.call('barber', 'reports.summary', { year: 2026 });
    expect('error' in r && r.error.code).toBe('FORBIDDEN');
  });

  it('exports every section to an A4 Excel workbook', async () => {
    const x = await v.invoke('viewer', 'reports.export', { ...q3, title: '2026年第3季度积分工作季报' });
    expect(x.fileName).toBe('2026年第3季度积分工作季报.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.xlsxBase64, 'base64') as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['概况', '积分分类', '兑换统计', '库存', '经费来源', '服务商结算', '月度']);
    expect(wb.getWorksheet('概况')!.getRow(1).getCell(1).value).toBe('2026年第3季度积分工作季报');
    expect(wb.getWorksheet('积分分类')!.getRow(4).values).toEqual([undefined, '乡风文明', 150, 0, 150, 3, 3]);
    expect(wb.getWorksheet('概况')!.pageSetup.paperSize).toBe(9);
  });
});
