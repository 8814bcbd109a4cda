import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshVillage, goods, householdWithPoints, redeem, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('redemptions.list', () => {
  it("lists one village day's receipts, with the head's pinyin initials for the search", async () => {
    const h = await householdWithPoints(v, 100, { headName: '单雄信' });
    const soap = await goods(v, { name: '香皂', points: 10, stock: 10 });
    const first = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    const day1 = (await v.invoke('shop', 'redemptions.get', { id: first.id })).date;
    await v.moveClock(new Date(v.clock.now().getTime() + 24 * 3600_000));
    const second = await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }]);

    const onDay1 = await v.invoke('shop', 'redemptions.list', { date: day1 });
    expect(onDay1.items.map((r) => r.receiptNo)).toEqual([first.receiptNo]);
    expect(onDay1.items[0]).toMatchObject({ headName: '单雄信', headInitials: 'sxx', date: day1 });
    const all = await v.invoke('shop', 'redemptions.list', {});
    expect(all.items.map((r) => r.receiptNo)).toEqual([second.receiptNo, first.receiptNo]);
  });
});
