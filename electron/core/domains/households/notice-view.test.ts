import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { approved, expectRefused, goods, householdWithPoints, redeem, snapshot, type Village, freshVillage } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const setNotice = (days: number) => v.invoke('admin', 'office.settings.set', { noticeDays: days });

describe('households.get: what the counter needs to refuse at the scan', () => {
  it('itemUse gives this year’s redeemed quantity per item, voided receipts left out', async () => {
    const h = await householdWithPoints(v, 200);
    const soap = await goods(v, { name: '洗衣粉', points: 10, limit: 3 });
    const oil = await goods(v, { name: '食用油', points: 20 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }]);
    const r = await redeem(v, h.id, [
      { itemId: soap.id, qty: 1 },
      { itemId: oil.id, qty: 1 },
    ]);
    await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: '918273' });
    const got = await v.invoke('shop', 'households.get', { id: h.id });
    expect(got.itemUse).toEqual([{ itemId: soap.id, qty: 2 }]);
    expect(got.notice).toBeNull();
  });
});

describe('公示中: points still in the notice period', () => {
  it('households.get returns notice {points, countsOn} and they are not yet available', async () => {
    await setNotice(7);
    const h = await householdWithPoints(v, 30);
    await approved(v, h.id, 'deduction', 5);
    const got = await v.invoke('shop', 'households.get', { id: h.id });
    expect(got.account).toMatchObject({ score: 0, available: 0 });
    expect(got.notice).toEqual({ points: 25, countsOn: '2026-03-22', batches: [{ points: 25, countsOn: '2026-03-22' }] });
    // The roster carries the same figure.
    const list = await v.invoke('clerk', 'households.list', {});
    expect(list.items.find((i) => i.id === h.id)?.notice).toMatchObject({ points: 25, countsOn: '2026-03-22' });
    // Once the period is over they count, and nothing is in notice.
    await v.moveClock('2026-03-22T10:00:01+08:00');
    const later = await v.invoke('shop', 'households.get', { id: h.id });
    expect(later.account).toMatchObject({ score: 25, available: 25 });
    expect(later.notice).toBeNull();
  });

  it('the date is the village date (Asia/Shanghai), not the UTC one', async () => {
    await setNotice(1);
    await v.moveClock('2026-03-15T23:30:00+08:00'); // 15:30 UTC on the 15th
    const h = await householdWithPoints(v, 10);
    expect((await v.invoke('shop', 'households.get', { id: h.id })).notice?.countsOn).toBe('2026-03-16');
  });
});

describe('office.settings.noticePreview', () => {
  it('says how many households and points a change moves, and changes nothing', async () => {
    const a = await householdWithPoints(v, 30, { headName: '张三丰' });
    const b = await householdWithPoints(v, 12, { headName: '李四' });
    await householdWithPoints(v, 0, { headName: '王五' });
    await redeem(v, b.id, [{ itemId: (await goods(v, { points: 10 })).id, qty: 1 }]);
    await approved(v, a.id, 'deduction', 4);
    const before = snapshot(v.db);
    const p = await v.invoke('admin', 'office.settings.noticePreview', { noticeDays: 7 });
    expect(p).toEqual({ year: 2026, from: 0, to: 7, direction: 'into_notice', households: 2, entries: 3, points: 38, owingAfter: 1 });
    expect(snapshot(v.db)).toEqual(before);
    expect((await v.invoke('admin', 'office.settings.noticePreview', { noticeDays: 0 })).direction).toBe('none');
    await setNotice(7);
    expect(await v.invoke('admin', 'office.settings.noticePreview', { noticeDays: 0 })).toMatchObject({
      direction: 'released',
      households: 2,
      points: 38,
    });
  });

  it('bad input and other roles are refused', async () => {
    await expectRefused(v, 'admin', 'office.settings.noticePreview', { noticeDays: 91 }, 'INVALID_INPUT');
    await expectRefused(v, 'admin', 'office.settings.noticePreview', { noticeDays: 1.5 }, 'INVALID_INPUT');
    await expectRefused(v, 'clerk', 'office.settings.noticePreview', { noticeDays: 7 }, 'FORBIDDEN');
  });
});
