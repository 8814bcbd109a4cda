import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountOf, approved, count, expectError, freshVillage, goods, household, redeem, TODAY, users, type Village } from '../../test-support.js';
import { defaultRules, installDefaultRules } from '../rules/default-rules.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const rule = (p: Record<string, unknown>) =>
  v.invoke('admin', 'rules.save', { category: '乡风文明', name: '参加村集体义务劳动', kind: 'award', points: 5, ...p } as never);

async function village(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await household(v, { headName: `农户${i}`, group: `第${(i % 2) + 1}组` }));
  return out;
}

describe('batch scoring and review', () => {
  it('a clerk records one rule for 20 households at once; a reviewer approves them in bulk; available changes at the counter', async () => {
    const hs = await village(20);
    const labour = await rule({ points: 5, capPerYear: 60 });
    const { entries } = await v.invoke('clerk', 'points.record', {
      householdIds: hs.map((h) => h.id),
      ruleId: labour.id,
      occurredOn: TODAY,
      note: '3月义务劳动日',
    });
    expect(entries).toHaveLength(20);
    expect(entries.every((e) => e.status === 'pending' && e.points === 5)).toBe(true);
    expect((await accountOf(v, hs[0].id)).available).toBe(0);

    const queue = await v.invoke('review', 'points.pending', {});
    expect(queue.total).toBe(20);
    expect(queue.items[0]).toMatchObject({
      householdId: hs[0].id,
      ruleName: '参加村集体义务劳动',
      points: 5,
      recorderName: users.clerk.name,
      note: '3月义务劳动日',
      mine: false,
    });
    expect((await v.invoke('review', 'points.pending', { householdId: hs[3].id })).items.map((i) => i.householdId)).toEqual([hs[3].id]);

    expect(await v.invoke('review', 'points.review', { entryIds: queue.items.map((i) => i.id), decision: 'approve' })).toEqual({ reviewed: 20 });
    expect((await v.invoke('review', 'points.pending', {})).total).toBe(0);
    const found = await v.invoke('shop', 'households.search', { q: hs[7].cardNo });
    expect(found.items[0]).toMatchObject({ score: 5, available: 5 });
  });

  it('the recorder can never approve their own entry, whatever their roles', async () => {
    const [h] = await village(1);
    const r = await rule({});
    const { entries } = await v.invoke('admin', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: TODAY });
    expect((await v.invoke('admin', 'points.pending', {})).items[0].mine).toBe(true);
    expectError(await v.call('admin', 'points.review', { entryIds: [entries[0].id], decision: 'approve' }), 'FORBIDDEN');
  });

  it('a rejected entry never counts, leaves the queue, and shows its reason in the ledger', async () => {
    const [h] = await village(1);
    const r = await rule({ points: 10 });
    const { entries } = await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: TODAY });
    await v.invoke('review', 'points.review', { entryIds: [entries[0].id], decision: 'reject', reason: '无现场照片' });
    expect(await accountOf(v, h.id)).toMatchObject({ score: 0, available: 0 });
    expect((await v.invoke('review', 'points.pending', {})).total).toBe(0);
    const { items } = await v.invoke('clerk', 'ledger.list', { householdId: h.id, year: 2026 });
    expect(items).toMatchObject([{ kind: 'award', points: 10, status: 'rejected', reviewReason: '无现场照片', runningScore: 0, runningAvailable: 0 }]);
  });

  it('a capped entry is refused with the reason; a range rule refuses points outside its range', async () => {
    const [h] = await village(1);
    const capped = await rule({ points: 5, capPerYear: 10 });
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: capped.id, occurredOn: TODAY });
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: capped.id, occurredOn: TODAY });
    const e = expectError(await v.call('clerk', 'points.record', { householdIds: [h.id], ruleId: capped.id, occurredOn: TODAY }), 'LIMIT_EXCEEDED');
    expect(e.message).toMatch(/本年已记 10 分，上限 10 分/);
    expect(e.details).toMatchObject({ used: 10, cap: 10 });
    const ranged = await rule({ name: '党员带头示范', points: undefined, minPoints: 2, maxPoints: 10 });
    expectError(await v.call('clerk', 'points.record', { householdIds: [h.id], ruleId: ranged.id, points: 11, occurredOn: TODAY }), 'INVALID_INPUT');
    expectError(await v.call('clerk', 'points.record', { householdIds: [h.id], ruleId: ranged.id, occurredOn: TODAY }), 'INVALID_INPUT');
    expect(count(v.db, 'point_entries')).toBe(2);
  });

  it('editing a rule never changes entries already recorded', async () => {
    const [h] = await village(1);
    const r = await rule({ points: 5, name: '庭院整洁' });
    const id = (await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: TODAY })).entries[0].id;
    await v.invoke('review', 'points.review', { entryIds: [id], decision: 'approve' });
    await v.invoke('admin', 'rules.save', { id: r.id, category: '环境卫生', name: '庭院整洁（新标准）', kind: 'award', points: 8 });
    const { items } = await v.invoke('clerk', 'ledger.list', { householdId: h.id, year: 2026 });
    expect(items[0]).toMatchObject({ ruleName: '庭院整洁', category: '乡风文明', points: 5 });
    expect((await accountOf(v, h.id)).score).toBe(5);
    // New entries take the new version.
    const next = (await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: r.id, occurredOn: TODAY })).entries[0];
    expect(next.points).toBe(8);
  });
});

describe('ledger (村民台账)', () => {
  it('every award, deduction, reversal, redemption and void, with running score and running available', async () => {
    const h = await household(v, { headName: '张三丰' });
    await approved(v, h.id, 'award', 50);
    await approved(v, h.id, 'deduction', 10);
    const wrong = await approved(v, h.id, 'award', 20);
    await v.invoke('clerk', 'points.reverse', { entryId: wrong, reason: '重复录入' });
    const soap = await goods(v, { points: 15, stock: 5 });
    const r1 = await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }]);
    await v.invoke('shop', 'redemptions.void', { id: r1.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    const ruleId = (v.db.prepare("SELECT id FROM rules WHERE name = '测试奖励'").get() as { id: number }).id;
    await v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId, points: 99, occurredOn: TODAY }); // pending

    const { items, years } = await v.invoke('clerk', 'ledger.list', { householdId: h.id, year: 2026 });
    expect(years).toEqual([2026]);
    expect(items.map((i) => [i.kind, i.points, i.status, i.runningScore, i.runningAvailable])).toEqual([
      ['award', 50, 'approved', 50, 50],
      ['deduction', -10, 'approved', 40, 40],
      ['award', 20, 'approved', 60, 60],
      ['reversal', -20, 'approved', 40, 40],
      ['award', 99, 'pending', 40, 40],
      ['redemption', -30, 'approved', 40, 10],
      ['redemption', -15, 'approved', 40, -5],
      ['void', 30, 'approved', 40, 25],
    ]);
    const reversed = items.find((i) => i.entryId === wrong)!;
    const reversal = items.find((i) => i.kind === 'reversal')!;
    expect(reversed.reversedById).toBe(reversal.entryId);
    expect(reversal).toMatchObject({ reversesId: wrong, note: '重复录入' });
    const last = items.at(-1)!;
    expect(await accountOf(v, h.id)).toMatchObject({ score: last.runningScore, available: last.runningAvailable });
  });

  it('past years stay readable, each year starting from zero', async () => {
    const h = await household(v);
    await approved(v, h.id, 'award', 30, '2025-12-31');
    await approved(v, h.id, 'award', 7, '2026-01-01');
    const { items, years } = await v.invoke('viewer', 'ledger.list', { householdId: h.id, year: 2025 });
    expect(years).toEqual([2026, 2025]);
    expect(items.map((i) => [i.points, i.runningScore])).toEqual([[30, 30]]);
    expect((await v.invoke('viewer', 'ledger.list', { householdId: h.id, year: 2026 })).items.map((i) => i.runningScore)).toEqual([7]);
  });

  it("ledger.export: the spreadsheet's running totals match the ledger, per household and for the whole village", async () => {
    const a = await household(v, { headName: '张三丰', group: '一组' });
    const b = await household(v, { headName: '李四', group: '二组' });
    await approved(v, a.id, 'award', 40);
    await approved(v, a.id, 'deduction', 5);
    await approved(v, b.id, 'award', 12);
    const soap = await goods(v, { points: 10, stock: 5 });
    await redeem(v, a.id, [{ itemId: soap.id, qty: 2 }]);

    const village = await v.invoke('clerk', 'ledger.export', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(village.xlsxBase64, 'base64') as never);
    const detail = wb.getWorksheet('台账明细')!;
    const header = (detail.getRow(2).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const rows = [];
    for (let r = 3; r <= detail.rowCount; r++) {
      const row = detail.getRow(r);
      rows.push([
        row.getCell(col('户主')).value,
        row.getCell(col('加分')).value,
        row.getCell(col('扣分')).value,
        row.getCell(col('兑换')).value,
        row.getCell(col('累计积分')).value,
        row.getCell(col('可兑换积分')).value,
      ]);
    }
    expect(rows).toEqual([
      ['张三丰', 40, null, null, 40, 40],
      ['张三丰', null, 5, null, 35, 35],
      ['张三丰', null, null, 20, 35, 15],
      ['李四', 12, null, null, 12, 12],
    ]);
    const summary = wb.getWorksheet('汇总')!;
    expect(String(summary.getRow(1).getCell(1).value)).toMatch(/2026 年村民积分台账/);
    expect((summary.getRow(3).values as unknown[]).slice(1)).toEqual([a.cardNo, '张三丰', '一组', 40, 5, 35, 20, 15, 0]);
    expect((summary.getRow(4).values as unknown[]).slice(1)).toEqual([b.cardNo, '李四', '二组', 12, 0, 12, 0, 12, 0]);

    const one = await v.invoke('clerk', 'ledger.export', { year: 2026, householdId: b.id });
    expect(one.fileName).toBe(`村民台账-2026-${b.cardNo}李四.xlsx`);
    const wb1 = new ExcelJS.Workbook();
    await wb1.xlsx.load(Buffer.from(one.xlsxBase64, 'base64') as never);
    expect(wb1.getWorksheet('台账明细')!.rowCount).toBe(3);
    expectError(await v.call('clerk', 'ledger.export', { year: 2026, householdId: 9999 }), 'NOT_FOUND');
    expectError(await v.call('shop', 'ledger.export', { year: 2026 }), 'FORBIDDEN');
  });
});

describe('public-notice period (公示期)', () => {
  it('an approval counts only once reviewed_at + N days ≤ now: in the account, the ledger, the counter and the queue', async () => {
    expect((await v.invoke('admin', 'office.settings.set', { noticeDays: 7 })).noticeDays).toBe(7);
    const h = await household(v);
    const soap = await goods(v, { points: 10, stock: 5 });
    const entry = await approved(v, h.id, 'award', 30);
    expect(await accountOf(v, h.id)).toMatchObject({ score: 0, available: 0 });
    const { items } = await v.invoke('clerk', 'ledger.list', { householdId: h.id, year: 2026 });
    expect(items[0]).toMatchObject({ status: 'notice', countsFrom: '2026-03-22T02:00:00.000Z', runningScore: 0 });
    expectError(
      await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: 'notice-0001' }),
      'INSUFFICIENT_POINTS',
    );
    expect((await v.invoke('clerk', 'office.home', {})).inNotice).toBe(1);
    // A reversal during notice waits with its entry: the score never dips below what it was.
    const other = await approved(v, h.id, 'award', 4);
    await v.invoke('clerk', 'points.reverse', { entryId: other, reason: '录错' });
    expect((await accountOf(v, h.id)).score).toBe(0);

    await v.moveClock(new Date(Date.parse('2026-03-22T02:00:00.000Z') - 1));
    expect((await accountOf(v, h.id)).score).toBe(0);
    await v.moveClock('2026-03-22T02:00:00.000Z');
    expect(await accountOf(v, h.id)).toMatchObject({ score: 30, available: 30 });
    expect(
      (await v.invoke('clerk', 'ledger.list', { householdId: h.id, year: 2026 })).items.map((i) => [
        i.entryId === entry ? 'entry' : i.kind,
        i.status,
        i.runningScore,
      ]),
    ).toEqual([
      ['entry', 'approved', 30],
      ['award', 'approved', 34],
      ['reversal', 'approved', 30],
    ]);
    await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
  });

  it('with the default of 0 days an approval counts at once', async () => {
    expect((await v.invoke('clerk', 'office.settings.get', {})).noticeDays).toBe(0);
    const h = await household(v);
    await approved(v, h.id, 'award', 30);
    expect((await accountOf(v, h.id)).available).toBe(30);
  });
});

describe('office settings and home', () => {
  it('admin sets village name, time zone, notice days and card prefix; others may only read', async () => {
    const s = await v.invoke('admin', 'office.settings.set', { villageName: '红阳村', timeZone: 'Asia/Urumqi', cardPrefix: 'HY', noticeDays: 3 });
    expect(s).toEqual({ villageName: '红阳村', timeZone: 'Asia/Urumqi', noticeDays: 3, cardPrefix: 'HY' });
    expect((await household(v)).cardNo).toBe('HY0001');
    expect(await v.invoke('shop', 'office.settings.get', {})).toEqual(s);
    expectError(await v.call('clerk', 'office.settings.set', { noticeDays: 1 }), 'FORBIDDEN');
    expectError(await v.call('admin', 'office.settings.set', { timeZone: 'Mars/Olympus' }), 'INVALID_INPUT');
    expectError(await v.call('admin', 'office.settings.set', { noticeDays: 1.5 }), 'INVALID_INPUT');
    expectError(await v.call('admin', 'office.settings.set', { noticeDays: -1 }), 'INVALID_INPUT');
  });

  it("office.home: what waits for review, this year's totals, and the households never scored", async () => {
    const [a, b, c] = await village(3);
    await approved(v, a.id, 'award', 40);
    await approved(v, a.id, 'deduction', 5);
    const rejected = (await v.invoke('clerk', 'points.record', { householdIds: [b.id], ruleId: (await rule({ points: 3 })).id, occurredOn: TODAY })).entries[0]
      .id;
    await v.invoke('review', 'points.review', { entryIds: [rejected], decision: 'reject', reason: '不实' });
    await v.invoke('clerk', 'points.record', { householdIds: [c.id], ruleId: (await rule({ name: '志愿服务', points: 3 })).id, occurredOn: TODAY });
    const soap = await goods(v, { points: 10, stock: 5 });
    await redeem(v, a.id, [{ itemId: soap.id, qty: 1 }]);

    const home = await v.invoke('review', 'office.home', {});
    expect(home).toMatchObject({
      year: 2026,
      today: TODAY,
      noticeDays: 0,
      pending: { count: 1, mine: 0, awardPoints: 3, deductionPoints: 0 },
      totals: { households: 3, scoredHouseholds: 2, awarded: 40, deducted: 5, score: 35, redeemed: 10, available: 25, entries: 4, rejected: 1, reversed: 0 },
      neverScored: { count: 1, items: [{ id: b.id, headName: b.headName }] },
    });
    expect((await v.invoke('clerk', 'office.home', {})).pending.mine).toBe(1);
    expect((await v.invoke('clerk', 'office.home', { year: 2025 })).neverScored.count).toBe(3);
    expectError(await v.call('shop', 'office.home', {}), 'FORBIDDEN');
  });
});

describe('default scoring table', () => {
  it('ships the reference table in all eight categories, once, to a database without rules', () => {
    expect(count(v.db, 'rules')).toBe(0);
    expect(installDefaultRules(v.db)).toBe(defaultRules.length);
    expect(installDefaultRules(v.db)).toBe(0);
    const cats = (v.db.prepare('SELECT DISTINCT category FROM rules').all() as { category: string }[]).map((r) => r.category).sort();
    expect(cats).toEqual(['乡风文明', '孝老爱亲', '环境卫生', '遵纪守法', '志愿服务', '移风易俗', '平安建设', '党员先锋'].sort());
    expect(new Set(defaultRules.map((r) => r.name)).size).toBe(defaultRules.length);
    for (const r of defaultRules) {
      expect((r.points ?? 0) > 0 || (r.minPoints! > 0 && r.maxPoints! >= r.minPoints!)).toBe(true);
      if (r.capPerYear != null) expect(r.capPerYear).toBeGreaterThanOrEqual(r.points ?? r.minPoints!);
    }
  });
});
