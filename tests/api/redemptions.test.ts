// The counter's refusals over real HTTP (404, 409, 422) and idempotent redemption by requestId.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, expectError, grantPoints, householdByCard, newRequestId, snapshot, startServer, type Item, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
let shop: string;
let today: string;
let zhang: number; // 张三丰, ~69 points
let rich: number; // a household given extra points for the expensive cases
let items: { byName: (n: string) => Item; byBarcode: (c: string) => Item };
const sup = { supervisorUsername: 'admin', supervisorPin: '123456' };

beforeAll(async () => {
  s = await startServer();
  admin = await s.login('admin');
  shop = await s.login('shop');
  today = (await s.ok('calendar.get', {}, shop)).today;
  zhang = await householdByCard(s, shop, '66010001');
  rich = await householdByCard(s, shop, '66010003');
  await grantPoints(s, rich, 500, today);
  items = await catalog(s, shop);
});
afterAll(async () => {
  await s?.stop();
});

const redeem = (householdId: number, lines: { itemId: number; qty: number; points?: number }[], extra: Record<string, unknown> = {}) => ({
  householdId,
  lines,
  requestId: newRequestId(),
  ...extra,
});
const available = async (id: number) => (await s.ok('households.get', { id }, shop)).account.available as number;

describe('NOT_FOUND 404', () => {
  it('an unknown household', async () => {
    const before = await snapshot(s, admin, zhang);
    const e = expectError(await s.call('redemptions.create', redeem(999_999, [{ itemId: items.byName('牙膏').id, qty: 1 }]), shop), 'NOT_FOUND', 404);
    expect(e.message).toMatch(/农户/);
    expectError(await s.call('households.get', { id: 999_999 }, shop), 'NOT_FOUND', 404);
    expectError(await s.call('ledger.list', { householdId: 999_999, year: 2026 }, shop), 'NOT_FOUND', 404);
    expect(await snapshot(s, admin, zhang)).toEqual(before);
  });

  it('an unknown item, even next to a valid line', async () => {
    const before = await snapshot(s, admin, zhang);
    expectError(
      await s.call(
        'redemptions.create',
        redeem(zhang, [
          { itemId: items.byName('牙膏').id, qty: 1 },
          { itemId: 999_999, qty: 1 },
        ]),
        shop,
      ),
      'NOT_FOUND',
      404,
    );
    expectError(await s.call('stock.receive', { itemId: 999_999, qty: 1, fundingSource: 'fiscal' }, shop), 'NOT_FOUND', 404);
    expect(await snapshot(s, admin, zhang)).toEqual(before);
  });

  it('an unknown redemption to void', async () => {
    const before = await snapshot(s, admin, zhang);
    expectError(await s.call('redemptions.void', { id: 999_999, reason: '误操作', ...sup }, shop), 'NOT_FOUND', 404);
    expectError(await s.call('redemptions.get', { id: 999_999 }, shop), 'NOT_FOUND', 404);
    expect(await snapshot(s, admin, zhang)).toEqual(before);
  });

  it('a barcode that is not in the catalog finds nothing', async () => {
    expect((await s.ok('catalog.list', { barcode: '6920000009999' }, shop)).items).toEqual([]);
    expect((await s.ok('households.search', { q: '99999999' }, shop)).items).toEqual([]);
  });
});

describe('INSUFFICIENT_POINTS 422', () => {
  it('食用油 ×2 for 张三丰 is refused and nothing changes', async () => {
    const before = await snapshot(s, admin, zhang);
    const oil = items.byName('食用油');
    const need = oil.points! * 2;
    expect((before.account as { available: number }).available).toBeLessThan(need);
    const e = expectError(await s.call('redemptions.create', redeem(zhang, [{ itemId: oil.id, qty: 2 }]), shop), 'INSUFFICIENT_POINTS', 422);
    expect(e.message).toContain('积分不足');
    expect(e.details).toMatchObject({ available: (before.account as { available: number }).available, required: need });
    expect(await snapshot(s, admin, zhang)).toEqual(before);
  });

  it('exactly the available points redeems; one more point does not', async () => {
    const id = await householdByCard(s, shop, '66010004');
    const insurance = items.byName('缴纳医保');
    const avail = await available(id);
    expect(avail).toBeGreaterThanOrEqual(11);
    const before = await snapshot(s, admin, id);
    expectError(await s.call('redemptions.create', redeem(id, [{ itemId: insurance.id, qty: 1, points: avail + 1 }]), shop), 'INSUFFICIENT_POINTS', 422);
    expect(await snapshot(s, admin, id)).toEqual(before);
    const r = await s.ok('redemptions.create', redeem(id, [{ itemId: insurance.id, qty: 1, points: avail }]), shop);
    expect(r.account.available).toBe(0);
    expect(r.totalPoints).toBe(avail);
    expectError(await s.call('redemptions.create', redeem(id, [{ itemId: items.byName('牙膏').id, qty: 1 }]), shop), 'INSUFFICIENT_POINTS', 422);
  });

  it('an owed account (a later deduction) redeems nothing', async () => {
    const id = await householdByCard(s, shop, '66010005');
    const clerk = await s.login('clerk');
    const review = await s.login('review');
    const rule = await s.ok('rules.save', { category: '测试', name: '测试重扣', kind: 'deduction', points: 400 }, admin);
    const { entries } = await s.ok('points.record', { householdIds: [id], ruleId: rule.id, occurredOn: today }, clerk);
    await s.ok('points.review', { entryIds: entries.map((x: { id: number }) => x.id), decision: 'approve' }, review);
    const before = await snapshot(s, admin, id);
    const acc = before.account as { available: number; owed: number };
    expect(acc.available).toBeLessThan(0);
    expect(acc.owed).toBe(-acc.available);
    expectError(await s.call('redemptions.create', redeem(id, [{ itemId: items.byName('毛巾').id, qty: 1 }]), shop), 'INSUFFICIENT_POINTS', 422);
    expect(await snapshot(s, admin, id)).toEqual(before);
  });
});

describe('OUT_OF_STOCK 422', () => {
  it('保温杯 (stock 0)', async () => {
    const cup = items.byName('保温杯');
    const before = await snapshot(s, admin, rich);
    expect(before.stock[cup.id]).toBe(0);
    const e = expectError(await s.call('redemptions.create', redeem(rich, [{ itemId: cup.id, qty: 1 }]), shop), 'OUT_OF_STOCK', 422);
    expect(e.message).toContain('库存不足');
    expect(await snapshot(s, admin, rich)).toEqual(before);
  });

  it('卫生纸 qty 4 with stock 3, also when split over two lines; qty 3 then empties the shelf', async () => {
    const paper = items.byName('卫生纸');
    const toothpaste = items.byName('牙膏');
    const before = await snapshot(s, admin, rich);
    expect(before.stock[paper.id]).toBe(3);
    expectError(await s.call('redemptions.create', redeem(rich, [{ itemId: paper.id, qty: 4 }]), shop), 'OUT_OF_STOCK', 422);
    expectError(
      await s.call(
        'redemptions.create',
        redeem(rich, [
          { itemId: toothpaste.id, qty: 1 },
          { itemId: paper.id, qty: 2 },
          { itemId: paper.id, qty: 2 },
        ]),
        shop,
      ),
      'OUT_OF_STOCK',
      422,
    );
    expect(await snapshot(s, admin, rich)).toEqual(before);
    const r = await s.ok('redemptions.create', redeem(rich, [{ itemId: paper.id, qty: 3 }]), shop);
    const after = await snapshot(s, admin, rich);
    expect(after.stock[paper.id]).toBe(0);
    expect(after.redemptions).toBe(before.redemptions + 1);
    expectError(await s.call('redemptions.create', redeem(rich, [{ itemId: paper.id, qty: 1 }]), shop), 'OUT_OF_STOCK', 422);
    // A void puts the stock back.
    await s.ok('redemptions.void', { id: r.id, reason: '退货', ...sup }, shop);
    expect((await snapshot(s, admin, rich)).stock[paper.id]).toBe(3);
  });
});

describe("LIMIT_EXCEEDED 422 (an item's per-household yearly limit)", () => {
  it('空调清洗 a 3rd time in the year is refused; a void frees one', async () => {
    const ac = items.byName('空调清洗');
    expect(ac.limitPerHouseholdPerYear).toBe(2);
    await s.ok('redemptions.create', redeem(rich, [{ itemId: ac.id, qty: 1 }]), shop);
    const second = await s.ok('redemptions.create', redeem(rich, [{ itemId: ac.id, qty: 1 }]), shop);
    const before = await snapshot(s, admin, rich);
    expect((before.account as { available: number }).available).toBeGreaterThanOrEqual(ac.points!);
    const e = expectError(await s.call('redemptions.create', redeem(rich, [{ itemId: ac.id, qty: 1 }]), shop), 'LIMIT_EXCEEDED', 422);
    expect(e.message).toMatch(/每户每年限/);
    expect(e.details).toMatchObject({ limit: 2, already: 2, requested: 1 });
    expect(await snapshot(s, admin, rich)).toEqual(before);
    await s.ok('redemptions.void', { id: second.id, reason: '重复录入', ...sup }, shop);
    await s.ok('redemptions.create', redeem(rich, [{ itemId: ac.id, qty: 1 }]), shop);
  });

  it('qty 3 in one redemption is refused for a fresh household', async () => {
    const id = await householdByCard(s, shop, '66010006');
    await grantPoints(s, id, 300, today);
    const before = await snapshot(s, admin, id);
    expectError(await s.call('redemptions.create', redeem(id, [{ itemId: items.byName('空调清洗').id, qty: 3 }]), shop), 'LIMIT_EXCEEDED', 422);
    expect(await snapshot(s, admin, id)).toEqual(before);
  });
});

describe('CONFLICT 409', () => {
  it('voiding a voided redemption', async () => {
    const r = await s.ok('redemptions.create', redeem(zhang, [{ itemId: items.byName('牙膏').id, qty: 1 }]), shop);
    await s.ok('redemptions.void', { id: r.id, reason: '顾客退回', ...sup }, shop);
    const before = await snapshot(s, admin, zhang);
    const e = expectError(await s.call('redemptions.void', { id: r.id, reason: '再来一次', ...sup }, shop), 'CONFLICT', 409);
    expect(e.message).toMatch(/已作废/);
    expect(await snapshot(s, admin, zhang)).toEqual(before);
  });

  it('a reused requestId with different lines', async () => {
    const requestId = newRequestId();
    const toothpaste = items.byName('牙膏');
    const first = await s.ok('redemptions.create', { householdId: zhang, lines: [{ itemId: toothpaste.id, qty: 1 }], requestId }, shop);
    const before = await snapshot(s, admin, zhang);
    expectError(await s.call('redemptions.create', { householdId: zhang, lines: [{ itemId: toothpaste.id, qty: 2 }], requestId }, shop), 'CONFLICT', 409);
    expectError(await s.call('redemptions.create', { householdId: rich, lines: [{ itemId: toothpaste.id, qty: 1 }], requestId }, shop), 'CONFLICT', 409);
    expect(await snapshot(s, admin, zhang)).toEqual(before);
    await s.ok('redemptions.void', { id: first.id, reason: '测试清理', ...sup }, shop);
  });
});

describe('idempotency by requestId', () => {
  it('the same requestId twice returns the same result and redeems once', async () => {
    const soap = items.byName('洗衣粉');
    const params = redeem(zhang, [{ itemId: soap.id, qty: 1 }]);
    const before = await snapshot(s, admin, zhang);
    const a = await s.ok('redemptions.create', params, shop);
    const b = await s.ok('redemptions.create', params, shop);
    expect(b).toEqual(a);
    const after = await snapshot(s, admin, zhang);
    expect(after.redemptions).toBe(before.redemptions + 1);
    expect(after.ledger).toBe(before.ledger + 1);
    expect(after.stock[soap.id]).toBe(before.stock[soap.id]! - 1);
    expect((after.account as { available: number }).available).toBe((before.account as { available: number }).available - soap.points!);
    await s.ok('redemptions.void', { id: a.id, reason: '测试清理', ...sup }, shop);
  });

  it('two concurrent calls with one requestId redeem once', async () => {
    const towel = items.byName('毛巾');
    const params = redeem(zhang, [{ itemId: towel.id, qty: 1 }]);
    const before = await snapshot(s, admin, zhang);
    const [a, b] = await Promise.all([s.call('redemptions.create', params, shop), s.call('redemptions.create', params, shop)]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.result.id).toBe(b.body.result.id);
    const after = await snapshot(s, admin, zhang);
    expect(after.redemptions).toBe(before.redemptions + 1);
    expect(after.stock[towel.id]).toBe(before.stock[towel.id]! - 1);
    await s.ok('redemptions.void', { id: a.body.result.id, reason: '测试清理', ...sup }, shop);
  });

  it('a replayed request after a void returns the first answer and does not redeem again', async () => {
    const soap = items.byName('洗衣粉');
    const params = redeem(zhang, [{ itemId: soap.id, qty: 2 }]);
    const first = await s.ok('redemptions.create', params, shop);
    await s.ok('redemptions.void', { id: first.id, reason: '顾客不要了', ...sup }, shop);
    const afterVoid = await snapshot(s, admin, zhang);
    const replay = await s.ok('redemptions.create', params, shop);
    expect(replay.id).toBe(first.id);
    expect(replay.receiptNo).toBe(first.receiptNo);
    expect(await snapshot(s, admin, zhang)).toEqual(afterVoid);
    const list = (await s.ok('redemptions.list', { householdId: zhang, limit: 500 }, shop)).items as { id: number; voided: boolean }[];
    expect(list.find((r) => r.id === first.id)?.voided).toBe(true);
  });
});

describe('NOT_REDEMPTION_DAY 422', () => {
  it('refused when the calendar lacks today; an admin override succeeds; a bad override does not', async () => {
    const toothpaste = items.byName('牙膏');
    const other = today.startsWith('2020') ? '2021-01-01' : '2020-01-01';
    const cal = await s.ok('calendar.set', { mode: 'dates', dates: [other] }, admin);
    expect(cal.todayIsRedemptionDay).toBe(false);
    try {
      const before = await snapshot(s, admin, zhang);
      const e = expectError(await s.call('redemptions.create', redeem(zhang, [{ itemId: toothpaste.id, qty: 1 }]), shop), 'NOT_REDEMPTION_DAY', 422);
      expect(e.message).toContain('今天不是兑换日');
      expectError(
        await s.call(
          'redemptions.create',
          redeem(zhang, [{ itemId: toothpaste.id, qty: 1 }], { override: { supervisorUsername: 'admin', supervisorPin: '000000', reason: '特批' } }),
          shop,
        ),
        'UNAUTHENTICATED',
        401,
      );
      expectError(
        await s.call(
          'redemptions.create',
          redeem(zhang, [{ itemId: toothpaste.id, qty: 1 }], { override: { supervisorUsername: 'shop', supervisorPin: '111111', reason: '特批' } }),
          shop,
        ),
        'FORBIDDEN',
        403,
      );
      expect(await snapshot(s, admin, zhang)).toEqual(before);

      const r = await s.ok(
        'redemptions.create',
        redeem(zhang, [{ itemId: toothpaste.id, qty: 1 }], { override: { ...sup, reason: '老人行动不便，特批' } }),
        shop,
      );
      expect(r.totalPoints).toBe(toothpaste.points);
      const after = await snapshot(s, admin, zhang);
      expect(after.redemptions).toBe(before.redemptions + 1);
      expect(after.stock[toothpaste.id]).toBe(before.stock[toothpaste.id]! - 1);
    } finally {
      await s.ok('calendar.set', { mode: 'any' }, admin);
    }
  });
});

describe("services.log (the provider's own phone)", () => {
  it('the barber logs 剪头发 once per requestId; goods are not services', async () => {
    const barber = await s.login('barber');
    const haircut = items.byName('剪头发');
    const before = await snapshot(s, admin, zhang);
    const params = { itemId: haircut.id, householdId: zhang, requestId: newRequestId() };
    const a = await s.ok('services.log', params, barber);
    expect(a.totalPoints).toBe(haircut.points);
    expect(await s.ok('services.log', params, barber)).toEqual(a);
    const after = await snapshot(s, admin, zhang);
    expect(after.redemptions).toBe(before.redemptions + 1);
    expect((after.account as { available: number }).available).toBe((before.account as { available: number }).available - haircut.points!);
    // The same requestId at the counter is another kind of request.
    expectError(
      await s.call('redemptions.create', { householdId: zhang, lines: [{ itemId: haircut.id, qty: 1 }], requestId: params.requestId }, shop),
      'CONFLICT',
      409,
    );
    expectError(await s.call('services.log', { itemId: items.byName('牙膏').id, householdId: zhang, requestId: newRequestId() }, barber), 'INVALID_INPUT', 400);
    expect(await snapshot(s, admin, zhang)).toEqual(after);
    await s.ok('redemptions.void', { id: a.id, reason: '测试清理', ...sup }, shop);
  });
});

describe('receipt numbers', () => {
  it('are gap-free per counter and year despite every refusal above', async () => {
    const list = (await s.ok('redemptions.list', { limit: 500 }, shop)).items as { receiptNo: string }[];
    const year = today.slice(0, 4);
    const nos = list.map((r) => r.receiptNo).sort();
    expect(nos.length).toBeGreaterThan(5);
    nos.forEach((no, i) => expect(no).toBe(`C01-${year}-${String(i + 1).padStart(6, '0')}`));
  });
});
