/** The points year is the calendar year in the village's time zone (Asia/Shanghai), never a UTC one. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountOf, approved, expectRefused, freshVillage, goods, household, householdWithPoints, redeem, rid, type Village } from './test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

// 2026-12-31T16:30:00Z is 2027-01-01 00:30 in Shanghai: a UTC date would still say 2026-12-31.
const NEW_YEAR_0030 = '2026-12-31T16:30:00Z';

describe('year cycle', () => {
  it('an entry that occurred on 31 December counts in that year, even when recorded in January', async () => {
    const h = await household(v);
    await v.moveClock(NEW_YEAR_0030);
    await approved(v, h.id, 'award', 40, '2026-12-31');
    expect(await accountOf(v, h.id, 2026)).toMatchObject({ year: 2026, score: 40 });
    expect(await accountOf(v, h.id)).toMatchObject({ year: 2027, score: 0 });
    expect(v.db.prepare('SELECT year FROM point_entries').all()).toEqual([{ year: 2026 }]);
  });

  it('at 00:30 on 1 January (village time) the household starts from zero: nothing carries over', async () => {
    const h = await householdWithPoints(v, 80);
    const soap = await goods(v, { points: 10 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }]);
    expect(await accountOf(v, h.id)).toMatchObject({ year: 2026, score: 80, available: 60 });

    await v.moveClock(NEW_YEAR_0030);
    const { account } = await v.invoke('shop', 'households.get', { id: h.id });
    expect(account).toEqual({ year: 2027, awarded: 0, deducted: 0, redeemed: 0, score: 0, available: 0, owed: 0 });
    expect((await v.invoke('shop', 'households.search', { q: h.cardNo })).items[0]).toMatchObject({ score: 0, available: 0 });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }, 'INSUFFICIENT_POINTS');
    // Last year's account is still there to read.
    expect(await accountOf(v, h.id, 2026)).toMatchObject({ score: 80, redeemed: 20, available: 60 });
  });

  it("a redemption at 00:30 on 1 January is in the new year and starts the new year's receipt sequence", async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C01-2026-000001');
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C01-2026-000002');

    await v.moveClock(NEW_YEAR_0030);
    // "Today" is 2027-01-01 in the village, so an entry on that date is not in the future.
    await approved(v, h.id, 'award', 30, '2027-01-01');
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    expect(r.receiptNo).toBe('C01-2027-000001');
    expect(r.account).toMatchObject({ year: 2027, score: 30, redeemed: 10, available: 20 });
    expect(v.db.prepare('SELECT year, local_date FROM redemptions WHERE id = ?').get(r.id)).toEqual({ year: 2027, local_date: '2027-01-01' });
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C01-2027-000002');
    expect(await accountOf(v, h.id, 2026)).toMatchObject({ redeemed: 20, available: 80 });
  });

  it('the last second of 31 December (village time) is still the old year', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    await v.moveClock('2026-12-31T23:59:59+08:00');
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    expect(r.receiptNo).toBe('C01-2026-000001');
    expect(r.account.year).toBe(2026);
    const cal = await v.invoke('shop', 'calendar.get', {});
    expect(cal.today).toBe('2026-12-31');
  });

  it('the redemption calendar uses the village date', async () => {
    const h = await household(v);
    await v.moveClock(NEW_YEAR_0030);
    await approved(v, h.id, 'award', 30, '2027-01-01');
    const soap = await goods(v, { points: 10 });
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: ['2026-12-31'] });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }, 'NOT_REDEMPTION_DAY');
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: ['2027-01-01'] });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
  });
});
