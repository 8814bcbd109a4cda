// Redemption calendar (monthly day, trial bulk days) and the bulk-day fast lane: bundle, proposal, tally, day summary.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  approved,
  count,
  expectError,
  expectRefused,
  freshVillage,
  goods,
  household,
  MemoryPrinter,
  rid,
  service,
  users,
  type Village,
} from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('calendar: monthly day and trial bulk days', () => {
  it('a trial gets one bulk day in each of its first 3 months, which are redemption days', async () => {
    const cal = await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: [], trial: { start: '2026-03-15' } });
    expect(cal).toMatchObject({ today: '2026-03-15', todayIsRedemptionDay: true, todayIsBulkDay: true, bulkDays: ['2026-03-15', '2026-04-15', '2026-05-15'] });
    expect(cal.upcoming).toEqual([
      { date: '2026-03-15', bulk: true },
      { date: '2026-04-15', bulk: true },
      { date: '2026-05-15', bulk: true },
    ]);
    await v.moveClock('2026-06-15T10:00:00+08:00');
    expect(await v.invoke('shop', 'calendar.get', {})).toMatchObject({ todayIsRedemptionDay: false, todayIsBulkDay: false });
  });

  it('a monthly day is a redemption day; other days the counter refuses without a supervisor', async () => {
    await v.invoke('admin', 'calendar.set', { mode: 'monthly', day: 20 });
    expect(await v.invoke('shop', 'calendar.get', {})).toMatchObject({ mode: 'monthly', day: 20, todayIsRedemptionDay: false });
    const h = await household(v);
    await approved(v, h.id, 'award', 50);
    const soap = await goods(v);
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }, 'NOT_REDEMPTION_DAY');
    const r = await v.invoke('shop', 'redemptions.create', {
      householdId: h.id,
      lines: [{ itemId: soap.id, qty: 1 }],
      requestId: rid(),
      override: { supervisorUsername: 'admin', supervisorPin: users.admin.pin, reason: '老人行动不便，提前兑换' },
    });
    expect(r.totalPoints).toBe(10);
    await v.moveClock('2026-03-20T09:00:00+08:00');
    expect((await v.invoke('shop', 'calendar.get', {})).todayIsRedemptionDay).toBe(true);
  });

  it('validates the modes: day 1–31, bulk day 1–28, real dates', async () => {
    await expectRefused(v, 'admin', 'calendar.set', { mode: 'monthly', day: 32 }, 'INVALID_INPUT');
    await expectRefused(v, 'admin', 'calendar.set', { mode: 'monthly' }, 'INVALID_INPUT');
    await expectRefused(v, 'admin', 'calendar.set', { mode: 'any', trial: { start: '2026-02-30' } }, 'INVALID_INPUT');
    await expectRefused(v, 'admin', 'calendar.set', { mode: 'any', trial: { start: '2026-03-01', bulkDay: 29 } }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'calendar.set', { mode: 'monthly', day: 5 }, 'FORBIDDEN');
  });
});

describe('bulk lane', () => {
  let soap: { id: number };
  let paste: { id: number };
  beforeEach(async () => {
    soap = await goods(v, { name: '洗衣粉', points: 15, stock: 10 });
    paste = await goods(v, { name: '牙膏', points: 8, stock: 20 });
  });

  it('keeps a bundle of goods and fixed-price services; refuses open prices and duplicates', async () => {
    const cut = await service(v, { name: '剪头发', points: 5 });
    const ins = await service(v, { name: '缴纳医保', openPrice: true, minPoints: 1, maxPoints: 400 });
    const b = await v.invoke('shop', 'bulk.bundle.set', {
      lines: [
        { itemId: soap.id, qty: 1 },
        { itemId: paste.id, qty: 2 },
        { itemId: cut.id, qty: 1 },
      ],
    });
    expect(b).toMatchObject({ prefer: 'bundle', totalPoints: 36, problems: [] });
    expect(b.lines.map((l) => [l.name, l.qty, l.linePoints])).toEqual([
      ['洗衣粉', 1, 15],
      ['牙膏', 2, 16],
      ['剪头发', 1, 5],
    ]);
    await expectRefused(v, 'shop', 'bulk.bundle.set', { lines: [{ itemId: ins.id, qty: 1 }] }, 'INVALID_INPUT');
    await expectRefused(
      v,
      'shop',
      'bulk.bundle.set',
      {
        lines: [
          { itemId: soap.id, qty: 1 },
          { itemId: soap.id, qty: 1 },
        ],
      },
      'INVALID_INPUT',
    );
    await expectRefused(v, 'shop', 'bulk.bundle.set', { lines: [{ itemId: 9999, qty: 1 }] }, 'NOT_FOUND');
    await expectRefused(v, 'clerk', 'bulk.bundle.set', { lines: [] }, 'FORBIDDEN');
    expect((await v.invoke('viewer', 'bulk.bundle.get', {})).totalPoints).toBe(36);
  });

  it('proposes the bundle by card, or the last cart when the village prefers it', async () => {
    const h = await household(v, { headName: '张三丰', cardNo: '66019999' });
    await approved(v, h.id, 'award', 100);
    await v.invoke('shop', 'bulk.bundle.set', {
      lines: [
        { itemId: soap.id, qty: 1 },
        { itemId: paste.id, qty: 1 },
      ],
    });
    let p = await v.invoke('shop', 'bulk.propose', { cardNo: '66019999' });
    expect(p).toMatchObject({
      household: { id: h.id, headName: '张三丰' },
      proposed: 'bundle',
      totalPoints: 23,
      problems: [],
      servedToday: [],
      lastCart: null,
    });
    expect(p.account.available).toBe(100);

    const r = await v.invoke('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: paste.id, qty: 3 }], requestId: rid() });
    p = await v.invoke('shop', 'bulk.propose', { householdId: h.id });
    expect(p.proposed).toBe('bundle');
    expect(p.servedToday).toEqual([r.receiptNo]);
    expect(p.lastCart).toMatchObject({ receiptNo: r.receiptNo, totalPoints: 24 });

    await v.invoke('shop', 'bulk.bundle.set', { lines: [{ itemId: soap.id, qty: 1 }], prefer: 'lastCart' });
    p = await v.invoke('shop', 'bulk.propose', { cardNo: '66019999' });
    expect(p.proposed).toBe('lastCart');
    expect(p.lines.map((l) => [l.itemId, l.qty])).toEqual([[paste.id, 3]]);
    expect(p.account.available).toBe(76);
  });

  it('says before Enter why a proposal cannot be redeemed', async () => {
    const poor = await household(v, { headName: '李四', cardNo: '66018888' });
    await approved(v, poor.id, 'award', 10);
    await v.invoke('shop', 'bulk.bundle.set', { lines: [{ itemId: soap.id, qty: 11 }] });
    const p = await v.invoke('shop', 'bulk.propose', { cardNo: '66018888' });
    expect(p.problems).toEqual(['「洗衣粉」库存不足：现有 10袋', '积分不足：可用 10 分，需要 165 分']);
    await expectRefused(v, 'shop', 'bulk.propose', { cardNo: '00000000' }, 'NOT_FOUND');
    await expectRefused(v, 'shop', 'bulk.propose', { cardNo: '6601', householdId: 1 }, 'INVALID_INPUT');
  });

  it('a household with no bundle and no last cart gets no proposal', async () => {
    const h = await household(v, { headName: '王五', cardNo: '66017777' });
    expect(await v.invoke('shop', 'bulk.propose', { cardNo: '66017777' })).toMatchObject({ proposed: null, lines: [], totalPoints: 0 });
    void h;
  });

  it('tallies the day: households, points, voids, and stock left of the bundle goods', async () => {
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: [], trial: { start: '2026-03-15' } });
    await v.invoke('shop', 'bulk.bundle.set', {
      lines: [
        { itemId: soap.id, qty: 2 },
        { itemId: paste.id, qty: 1 },
      ],
    });
    const hs = [];
    for (let i = 0; i < 3; i++) {
      const h = await household(v, { headName: `户${i}` });
      await approved(v, h.id, 'award', 100);
      hs.push(h);
    }
    const made = [];
    for (const h of hs)
      made.push(
        await v.invoke('shop', 'redemptions.create', {
          householdId: h.id,
          lines: [
            { itemId: soap.id, qty: 2 },
            { itemId: paste.id, qty: 1 },
          ],
          requestId: rid(),
        }),
      );
    await v.invoke('shop', 'redemptions.void', { id: made[2].id, reason: '重复兑换', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    const t = await v.invoke('shop', 'bulk.tally', {});
    expect(t).toMatchObject({ date: '2026-03-15', isBulkDay: true, households: 2, redemptions: 2, points: 76, voids: 1, voidPoints: 38 });
    expect(t.bundle.map((b) => [b.name, b.stock, b.redeemedToday, b.householdsLeft])).toEqual([
      ['洗衣粉', 6, 4, 3],
      ['牙膏', 18, 2, 18],
    ]);
    expect((await v.invoke('shop', 'bulk.tally', { date: '2026-03-14' })).households).toBe(0);

    const preview = await v.invoke('shop', 'bulk.daySummary', {});
    const text = preview.lines.map((l) => l.text).join('\n');
    expect(text).toContain('集中兑换日汇总');
    expect(text).toMatch(/服务农户（户）\s+2/);
    expect(text).toMatch(/兑换积分\s+76/);
    expect(text).toMatch(/洗衣粉\s+6袋/);
  });

  it('prints the day summary through the configured printer', async () => {
    const printer = new MemoryPrinter();
    v.d.deps.printer = printer;
    expectError(await v.call('shop', 'bulk.printDaySummary', {}), 'PRINTER_UNAVAILABLE');
    await v.invoke('shop', 'printer.configure', { type: 'epson', interface: 'tcp://127.0.0.1:9100', width: 32 });
    expect(await v.invoke('shop', 'bulk.printDaySummary', {})).toEqual({ printed: true, jobId: 1, state: 'done', via: 'epson', date: '2026-03-15' });
    expect(printer.jobs).toHaveLength(1);
    expect(printer.jobs[0].target).toBe('tcp://127.0.0.1:9100');
    expect(count(v.db, 'audit', "method = 'bulk.printDaySummary'")).toBe(1);
  });
});
