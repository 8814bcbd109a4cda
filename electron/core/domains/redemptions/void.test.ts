import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountOf,
  count,
  expectRefused,
  freshVillage,
  goods,
  householdWithPoints,
  redeem,
  service,
  stockOf,
  users,
  type Village,
  ownEvents,
} from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

const supervisor = { supervisorUsername: 'admin', supervisorPin: users.admin.pin };

async function redeemed() {
  const h = await householdWithPoints(v, 100);
  const rice = await goods(v, { name: '大米', points: 10, stock: 10 });
  const oil = await goods(v, { name: '食用油', points: 20, stock: 4 });
  const cut = await service(v, { name: '剪头发', points: 5 });
  const r = await redeem(v, h.id, [
    { itemId: rice.id, qty: 2 },
    { itemId: rice.id, qty: 1 },
    { itemId: oil.id, qty: 1 },
    { itemId: cut.id, qty: 1 },
  ]);
  return { h, rice, oil, cut, r };
}

describe('redemptions.void', () => {
  it('brings points and stock back, exactly once', async () => {
    const { h, rice, oil, r } = await redeemed();
    expect(r.totalPoints).toBe(55);
    expect(await accountOf(v, h.id)).toMatchObject({ score: 100, redeemed: 55, available: 45 });
    expect([stockOf(v.db, rice.id), stockOf(v.db, oil.id)]).toEqual([7, 3]);

    const result = await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '顾客退回', ...supervisor });
    expect(result.account).toMatchObject({ score: 100, redeemed: 0, available: 100 });
    expect(await accountOf(v, h.id)).toMatchObject({ score: 100, redeemed: 0, available: 100 });
    expect([stockOf(v.db, rice.id), stockOf(v.db, oil.id)]).toEqual([10, 4]);
    expect(v.db.prepare("SELECT item_id, delta, redemption_id, reason FROM stock_movements WHERE kind = 'void' ORDER BY item_id").all()).toEqual(
      [
        { item_id: rice.id, delta: 3, redemption_id: r.id, reason: '顾客退回' },
        { item_id: oil.id, delta: 1, redemption_id: r.id, reason: '顾客退回' },
      ].sort((a, b) => a.item_id - b.item_id),
    );
  });

  it('writes a void row that points at the original and leaves the redemption row as it was', async () => {
    const { r } = await redeemed();
    const original = v.db.prepare('SELECT * FROM redemptions WHERE id = ?').get(r.id);
    const originalLines = v.db.prepare('SELECT * FROM redemption_lines WHERE redemption_id = ?').all(r.id);
    const { voidId } = await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '扫错商品', ...supervisor });
    expect(v.db.prepare('SELECT redemption_id, reason, user_id, supervisor_id FROM redemption_voids WHERE id = ?').get(voidId)).toEqual({
      redemption_id: r.id,
      reason: '扫错商品',
      user_id: v.ids.shop,
      supervisor_id: v.ids.admin,
    });
    expect(v.db.prepare('SELECT * FROM redemptions WHERE id = ?').get(r.id)).toEqual(original);
    expect(v.db.prepare('SELECT * FROM redemption_lines WHERE redemption_id = ?').all(r.id)).toEqual(originalLines);
    expect(await v.invoke('shop', 'redemptions.get', { id: r.id })).toMatchObject({ voided: true, voidReason: '扫错商品' });
  });

  it('writes one sync event and one audit row', async () => {
    const { r } = await redeemed();
    const [events, audit] = [ownEvents(v.db).length, count(v.db, 'audit')];
    await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '扫错', ...supervisor });
    expect([ownEvents(v.db).length - events, count(v.db, 'audit') - audit]).toEqual([1, 1]);
    const event = ownEvents(v.db).at(-1)!;
    expect(event.type).toBe('redemption.void');
    expect(JSON.parse(event.payload)).toMatchObject({ receiptNo: r.receiptNo, supervisorId: v.ids.admin });
  });

  it('voiding again is a CONFLICT and writes nothing', async () => {
    const { r } = await redeemed();
    await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '扫错', ...supervisor });
    await expectRefused(v, 'shop', 'redemptions.void', { id: r.id, reason: '再来一次', ...supervisor }, 'CONFLICT');
  });

  it('a wrong supervisor PIN is UNAUTHENTICATED and writes nothing', async () => {
    const { h, rice, r } = await redeemed();
    await expectRefused(v, 'shop', 'redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: '000000' }, 'UNAUTHENTICATED');
    await expectRefused(
      v,
      'shop',
      'redemptions.void',
      { id: r.id, reason: '扫错', supervisorUsername: 'nobody', supervisorPin: users.admin.pin },
      'UNAUTHENTICATED',
    );
    expect(await accountOf(v, h.id)).toMatchObject({ redeemed: 55 });
    expect(stockOf(v.db, rice.id)).toBe(7);
  });

  it('a supervisor who is not an admin is FORBIDDEN', async () => {
    const { r } = await redeemed();
    await expectRefused(v, 'shop', 'redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'shop', supervisorPin: users.shop.pin }, 'FORBIDDEN');
  });

  it('an unknown redemption is NOT_FOUND; a missing reason is INVALID_INPUT; a viewer is FORBIDDEN', async () => {
    const { r } = await redeemed();
    await expectRefused(v, 'shop', 'redemptions.void', { id: 9999, reason: '扫错', ...supervisor }, 'NOT_FOUND');
    await expectRefused(v, 'shop', 'redemptions.void', { id: r.id, reason: '  ', ...supervisor }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'redemptions.void', { id: r.id, ...supervisor }, 'INVALID_INPUT');
    await expectRefused(v, 'viewer', 'redemptions.void', { id: r.id, reason: '扫错', ...supervisor }, 'FORBIDDEN');
  });

  it('a voided redemption replayed by its requestId still answers with the first result and redeems nothing', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 5 });
    const params = { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: 'till-void-0001' };
    const first = await v.invoke('shop', 'redemptions.create', params);
    await v.invoke('shop', 'redemptions.void', { id: first.id, reason: '扫错', ...supervisor });
    expect(await v.invoke('shop', 'redemptions.create', params)).toEqual(first);
    expect(count(v.db, 'redemptions')).toBe(1);
    expect(stockOf(v.db, soap.id)).toBe(5);
  });

  it("a void in the next year gives the points back to the redemption's year", async () => {
    const { h, r } = await redeemed();
    await v.moveClock('2027-01-02T09:00:00+08:00');
    const result = await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '跨年退回', ...supervisor });
    expect(result.account).toMatchObject({ year: 2026, redeemed: 0, available: 100 });
    expect(await accountOf(v, h.id)).toMatchObject({ year: 2027, score: 0, available: 0 });
  });
});
