// The year cycle over real HTTP with --test-clock: the village's date (Asia/Shanghai), never UTC's,
// decides the year; nothing carries over; receipt numbers restart per year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, expectError, grantPoints, householdByCard, newRequestId, startServer, type TestServer } from './server.js';

let s: TestServer;
let zhang: number;
let toothpaste: { id: number; points: number | null };
const sup = { supervisorUsername: 'admin', supervisorPin: '123456' };

beforeAll(async () => {
  s = await startServer();
  const shop = await s.login('shop');
  zhang = await householdByCard(s, shop, '66010001');
  toothpaste = (await catalog(s, shop)).byName('牙膏');
});
afterAll(async () => {
  await s?.stop();
});

describe('year cycle', () => {
  let lastYearsRedemption: { id: number; receiptNo: string };
  let year: number;

  it('late on 31 December (village time) a redemption belongs to this year', async () => {
    const realYear = Number((await s.ok('calendar.get', {}, await s.login('shop'))).today.slice(0, 4));
    year = realYear;
    await s.ok('clock.set', { now: `${year}-12-31T23:50:00+08:00` });
    const shop = await s.login('shop');
    const before = (await s.ok('households.get', { id: zhang }, shop)).account;
    expect(before.year).toBe(year);
    expect(before.available).toBeGreaterThan(toothpaste.points!);
    lastYearsRedemption = await s.ok('redemptions.create', { householdId: zhang, lines: [{ itemId: toothpaste.id, qty: 1 }], requestId: newRequestId() }, shop);
    expect(lastYearsRedemption.receiptNo).toMatch(new RegExp(`^C01-${year}-\\d{6}$`));
  });

  it('ten minutes after midnight in Shanghai (still the old year in UTC) everyone starts from zero', async () => {
    const now = `${year + 1}-01-01T00:10:00+08:00`;
    expect(new Date(now).getUTCFullYear()).toBe(year); // UTC has not turned yet
    await s.ok('clock.set', { now });
    const shop = await s.login('shop');
    const cal = await s.ok('calendar.get', {}, shop);
    expect(cal.today).toBe(`${year + 1}-01-01`);
    const acc = (await s.ok('households.get', { id: zhang }, shop)).account;
    expect(acc).toMatchObject({ year: year + 1, score: 0, redeemed: 0, available: 0 });
    const e = expectError(
      await s.call('redemptions.create', { householdId: zhang, lines: [{ itemId: toothpaste.id, qty: 1 }], requestId: newRequestId() }, shop),
      'INSUFFICIENT_POINTS',
      422,
    );
    expect(e.message).toContain('积分不足');
    // Last year's account is still there, with its redemption.
    const old = (await s.ok('households.get', { id: zhang, year }, shop)).account;
    expect(old.year).toBe(year);
    expect(old.redeemed).toBeGreaterThanOrEqual(toothpaste.points!);
  });

  it('points recorded in the new year redeem under a receipt number that restarts at 000001', async () => {
    await expect(grantPoints(s, zhang, 30, `${year + 1}-01-02`)).rejects.toThrow(/INVALID_INPUT/); // the future
    await grantPoints(s, zhang, 30, `${year + 1}-01-01`);
    const shop = await s.login('shop');
    const r = await s.ok('redemptions.create', { householdId: zhang, lines: [{ itemId: toothpaste.id, qty: 1 }], requestId: newRequestId() }, shop);
    expect(r.receiptNo).toBe(`C01-${year + 1}-000001`);
    expect(r.account).toMatchObject({ year: year + 1, score: 30, available: 30 - toothpaste.points! });
  });

  it("voiding last year's redemption in the new year gives the points back to last year", async () => {
    const shop = await s.login('shop');
    const oldBefore = (await s.ok('households.get', { id: zhang, year }, shop)).account;
    const newBefore = (await s.ok('households.get', { id: zhang }, shop)).account;
    const v = await s.ok('redemptions.void', { id: lastYearsRedemption.id, reason: '跨年作废', ...sup }, shop);
    expect(v.account.year).toBe(year);
    const oldAfter = (await s.ok('households.get', { id: zhang, year }, shop)).account;
    expect(oldAfter.available).toBe(oldBefore.available + toothpaste.points!);
    expect((await s.ok('households.get', { id: zhang }, shop)).account).toEqual(newBefore);
  });
});
