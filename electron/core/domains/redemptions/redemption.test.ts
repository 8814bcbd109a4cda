import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  accountOf,
  approved,
  count,
  counts,
  expectError,
  expectRefused,
  freshVillage,
  goods,
  householdWithPoints,
  redeem,
  rid,
  service,
  stockOf,
  users,
  type Village,
  ownEvents,
} from '../../test-support.js';
import { putSetting } from '../../settings.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('redemption right: total ≤ available', () => {
  it('commits when the total equals available exactly, and refuses one point more', async () => {
    const h = await householdWithPoints(v, 30);
    const soap = await goods(v, { name: '香皂', points: 10, stock: 10 });
    const oil = await goods(v, { name: '食用油', points: 31, stock: 10 });

    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: oil.id, qty: 1 }], requestId: rid() }, 'INSUFFICIENT_POINTS');
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 3 }]);
    expect(r.totalPoints).toBe(30);
    expect(r.account).toMatchObject({ score: 30, redeemed: 30, available: 0 });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }, 'INSUFFICIENT_POINTS');
  });

  it('reports how far short the household is', async () => {
    const h = await householdWithPoints(v, 25);
    const soap = await goods(v, { points: 10 });
    const err = expectError(
      await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 3 }], requestId: rid() }),
      'INSUFFICIENT_POINTS',
    );
    expect(err.details).toMatchObject({ available: 25, required: 30, shortBy: 5 });
  });

  it('never lowers the score: available = score − redeemed', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 4 }]);
    expect(await accountOf(v, h.id)).toMatchObject({ awarded: 100, deducted: 0, score: 100, redeemed: 40, available: 60, owed: 0 });
    const search = await v.invoke('shop', 'households.search', { q: h.cardNo });
    expect(search.items[0]).toMatchObject({ id: h.id, score: 100, available: 60 });
  });

  it('a later deduction makes available negative: shown as owed, and redemption is refused', async () => {
    const h = await householdWithPoints(v, 50);
    const soap = await goods(v, { points: 10 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 5 }]);
    await approved(v, h.id, 'deduction', 20);

    const { account } = await v.invoke('shop', 'households.get', { id: h.id });
    expect(account).toMatchObject({ score: 30, redeemed: 50, available: -20, owed: 20 });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }, 'INSUFFICIENT_POINTS');

    // Positive again after new awards: 20 owed + 10 for the soap.
    await approved(v, h.id, 'award', 30);
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).account).toMatchObject({ score: 60, redeemed: 60, available: 0 });
  });
});

describe('stock never goes below zero', () => {
  it('refuses a line whose qty is more than the stock, and takes exactly the stock', async () => {
    const h = await householdWithPoints(v, 1000);
    const rice = await goods(v, { name: '大米', points: 10, stock: 3 });
    const err = await expectRefused(
      v,
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: rice.id, qty: 4 }], requestId: rid() },
      'OUT_OF_STOCK',
    );
    expect(err.details).toMatchObject({ itemId: rice.id, stock: 3, requested: 4 });
    await redeem(v, h.id, [{ itemId: rice.id, qty: 3 }]);
    expect(stockOf(v.db, rice.id)).toBe(0);
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: rice.id, qty: 1 }], requestId: rid() }, 'OUT_OF_STOCK');
  });

  it('adds up two lines of the same item before checking the stock', async () => {
    const h = await householdWithPoints(v, 1000);
    const rice = await goods(v, { name: '大米', points: 10, stock: 5 });
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      {
        householdId: h.id,
        lines: [
          { itemId: rice.id, qty: 3 },
          { itemId: rice.id, qty: 3 },
        ],
        requestId: rid(),
      },
      'OUT_OF_STOCK',
    );
    await redeem(v, h.id, [
      { itemId: rice.id, qty: 2 },
      { itemId: rice.id, qty: 3 },
    ]);
    expect(stockOf(v.db, rice.id)).toBe(0);
  });

  it('refuses goods that never had stock', async () => {
    const h = await householdWithPoints(v, 100);
    const empty = await goods(v, { name: '毛巾', stock: 0 });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: empty.id, qty: 1 }], requestId: rid() }, 'OUT_OF_STOCK');
  });

  it('writes one redeem movement per goods line and none for services', async () => {
    const h = await householdWithPoints(v, 1000);
    const rice = await goods(v, { name: '大米', points: 10, stock: 9 });
    const cut = await service(v, { name: '剪头发', points: 5 });
    const r = await redeem(v, h.id, [
      { itemId: rice.id, qty: 2 },
      { itemId: cut.id, qty: 1 },
    ]);
    expect(v.db.prepare("SELECT item_id, delta FROM stock_movements WHERE kind = 'redeem' AND redemption_id = ?").all(r.id)).toEqual([
      { item_id: rice.id, delta: -2 },
    ]);
    expect(stockOf(v.db, rice.id)).toBe(7);
  });
});

describe('redemption days', () => {
  async function onlyOtherDays() {
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: ['2026-03-10', '2026-04-15'] });
  }

  it("refuses outside the village's dates, and allows a listed date", async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v);
    await onlyOtherDays();
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }, 'NOT_REDEMPTION_DAY');
    const cal = await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: ['2026-03-15'] });
    expect(cal.todayIsRedemptionDay).toBe(true);
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C01-2026-000001');
  });

  it("commits with an admin supervisor's override, and records who overrode and why", async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v);
    await onlyOtherDays();
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }], {
      override: { supervisorUsername: 'admin', supervisorPin: users.admin.pin, reason: '老人行动不便，提前兑换' },
    });
    expect(v.db.prepare('SELECT override_by, override_reason, operator_id FROM redemptions WHERE id = ?').get(r.id)).toEqual({
      override_by: v.ids.admin,
      override_reason: '老人行动不便，提前兑换',
      operator_id: v.ids.shop,
    });
    const event = JSON.parse(ownEvents(v.db, 'redemption.create')[0].payload);
    expect(event.overrideBy).toBe(v.ids.admin);
  });

  it('a wrong supervisor PIN is UNAUTHENTICATED and writes nothing (but counts the failure)', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v);
    await onlyOtherDays();
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      {
        householdId: h.id,
        lines: [{ itemId: soap.id, qty: 1 }],
        requestId: rid(),
        override: { supervisorUsername: 'admin', supervisorPin: '000000', reason: '特批' },
      },
      'UNAUTHENTICATED',
    );
    expect(v.db.prepare('SELECT failed_logins FROM users WHERE id = ?').get(v.ids.admin)).toEqual({ failed_logins: 1 });
  });

  it('an override by someone who is not an admin is FORBIDDEN', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v);
    await onlyOtherDays();
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      {
        householdId: h.id,
        lines: [{ itemId: soap.id, qty: 1 }],
        requestId: rid(),
        override: { supervisorUsername: 'shop', supervisorPin: users.shop.pin, reason: '自己批自己' },
      },
      'FORBIDDEN',
    );
  });

  it('an override is not recorded on a redemption day', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v);
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }], {
      override: { supervisorUsername: 'admin', supervisorPin: users.admin.pin, reason: '不需要' },
    });
    expect(v.db.prepare('SELECT override_by FROM redemptions WHERE id = ?').get(r.id)).toEqual({ override_by: null });
  });
});

describe('idempotent requestId', () => {
  const ledgerCounts = () => ({
    redemptions: count(v.db, 'redemptions'),
    lines: count(v.db, 'redemption_lines'),
    movements: count(v.db, 'stock_movements'),
    events: ownEvents(v.db).length,
    receipts: count(v.db, 'receipt_counters'),
  });

  it('the same requestId again returns the first result and redeems nothing more', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 10 });
    const params = { householdId: h.id, lines: [{ itemId: soap.id, qty: 2 }], requestId: 'till-01-000042' };
    const first = await v.invoke('shop', 'redemptions.create', params);
    const after = ledgerCounts();
    const counter = v.db.prepare('SELECT * FROM receipt_counters').all();

    const again = await v.invoke('shop', 'redemptions.create', params);
    expect(again).toEqual(first);
    expect(ledgerCounts()).toEqual(after);
    expect(v.db.prepare('SELECT * FROM receipt_counters').all()).toEqual(counter);
    expect(stockOf(v.db, soap.id)).toBe(8);
    expect(await accountOf(v, h.id)).toMatchObject({ redeemed: 20, available: 80 });
  });

  it("a replay's audit row says 重复请求 and names the original receipt: it never claims a second redemption", async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 10 });
    const params = { householdId: h.id, lines: [{ itemId: soap.id, qty: 2 }], requestId: 'till-01-000045' };
    const first = await v.invoke('shop', 'redemptions.create', params);
    await v.invoke('shop', 'redemptions.create', params);
    const rows = v.db.prepare("SELECT user_id, summary FROM audit WHERE method = 'redemptions.create' ORDER BY id").all() as {
      user_id: number;
      summary: string;
    }[];
    expect(rows).toHaveLength(2);
    expect(rows[0].summary).toBe(`兑换 ${first.receiptNo} 户#${h.id} 20 分`);
    expect(rows[1].summary).toMatch(/^重复请求，未新增/);
    expect(rows[1].summary).toContain(`返回原单 ${first.receiptNo}`);
    expect(rows[1].summary).toContain('till-01-000045');
    expect(rows[1].summary).not.toMatch(/^兑换 /);
    expect(rows.map((r) => r.user_id)).toEqual([v.ids.shop, v.ids.shop]);
  });

  it('replays even when the first answer would no longer be possible (points spent, stock gone, off day)', async () => {
    const h = await householdWithPoints(v, 20);
    const soap = await goods(v, { points: 10, stock: 2 });
    const params = { householdId: h.id, lines: [{ itemId: soap.id, qty: 2 }], requestId: 'till-01-000043' };
    const first = await v.invoke('shop', 'redemptions.create', params);
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: [] });
    const before = ledgerCounts();
    expect(await v.invoke('shop', 'redemptions.create', params)).toEqual(first);
    expect(ledgerCounts()).toEqual(before);
  });

  it('the same requestId with different lines is a CONFLICT and writes nothing', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 10 });
    await v.invoke('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 2 }], requestId: 'till-01-000044' });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 3 }], requestId: 'till-01-000044' }, 'CONFLICT');
    const other = await householdWithPoints(v, 100, { headName: '李四' });
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      { householdId: other.id, lines: [{ itemId: soap.id, qty: 2 }], requestId: 'till-01-000044' },
      'CONFLICT',
    );
  });
});

describe('receipt numbers', () => {
  it('are consecutive with no gaps: a failed redemption in between consumes no number', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 3 });
    const cut = await service(v, { points: 5 });
    const numbers: string[] = [];
    numbers.push((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo);
    expectError(await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 5 }], requestId: rid() }), 'OUT_OF_STOCK');
    expectError(
      await v.call('shop', 'redemptions.create', {
        householdId: h.id,
        lines: [
          { itemId: soap.id, qty: 1 },
          { itemId: 9999, qty: 1 },
        ],
        requestId: rid(),
      }),
      'NOT_FOUND',
    );
    numbers.push((await redeem(v, h.id, [{ itemId: cut.id, qty: 1 }])).receiptNo);
    expectError(
      await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid(), extra: 1 }),
      'INVALID_INPUT',
    );
    expectError(
      await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: cut.id, qty: 100 }], requestId: rid() }),
      'INSUFFICIENT_POINTS',
    );
    numbers.push((await v.invoke('barber', 'services.log', { householdId: h.id, itemId: cut.id, requestId: rid() })).receiptNo);
    numbers.push((await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }])).receiptNo);
    expect(numbers).toEqual(['C01-2026-000001', 'C01-2026-000002', 'C01-2026-000003', 'C01-2026-000004']);
    expect(
      v.db
        .prepare('SELECT receipt_no FROM redemptions ORDER BY id')
        .all()
        .map((r) => (r as { receipt_no: string }).receipt_no),
    ).toEqual(numbers);
  });

  it('each counter has its own sequence', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C01-2026-000001');
    putSetting(v.db, 'counter', { counterId: 'C02', cardPrefix: '6602' });
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C02-2026-000001');
    putSetting(v.db, 'counter', { counterId: 'C01', cardPrefix: '6601' });
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C01-2026-000002');
  });

  it('a voided redemption keeps its number; the next one takes the following number', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    const a = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    await v.invoke('shop', 'redemptions.void', { id: a.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).receiptNo).toBe('C01-2026-000002');
  });
});

describe('catalog rules at the counter', () => {
  it('a per-household yearly limit (空调清洗 2 a year) is LIMIT_EXCEEDED past it, per household, and a void gives it back', async () => {
    const h = await householdWithPoints(v, 1000);
    const neighbour = await householdWithPoints(v, 1000, { headName: '李四' });
    const ac = await service(v, { name: '空调清洗', points: 30, providers: ['plumber'], limit: 2 });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: ac.id, qty: 3 }], requestId: rid() }, 'LIMIT_EXCEEDED');
    const first = await redeem(v, h.id, [{ itemId: ac.id, qty: 1 }]);
    await redeem(v, h.id, [{ itemId: ac.id, qty: 1 }]);
    const err = await expectRefused(
      v,
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: ac.id, qty: 1 }], requestId: rid() },
      'LIMIT_EXCEEDED',
    );
    expect(err.details).toMatchObject({ limit: 2, already: 2, requested: 1 });
    await redeem(v, neighbour.id, [{ itemId: ac.id, qty: 2 }]);

    await v.invoke('shop', 'redemptions.void', { id: first.id, reason: '未上门', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    await redeem(v, h.id, [{ itemId: ac.id, qty: 1 }]);
  });

  it('the yearly limit starts again in a new year', async () => {
    const h = await householdWithPoints(v, 1000);
    const ac = await service(v, { name: '空调清洗', points: 30, limit: 2 });
    await redeem(v, h.id, [{ itemId: ac.id, qty: 2 }]);
    await v.moveClock('2027-01-05T10:00:00+08:00');
    await approved(v, h.id, 'award', 100, '2027-01-05');
    await redeem(v, h.id, [{ itemId: ac.id, qty: 2 }]);
  });

  it("an open-price line must lie within the item's bounds", async () => {
    const h = await householdWithPoints(v, 1000);
    const insurance = await service(v, { name: '缴纳医保', openPrice: true, minPoints: 10, maxPoints: 400 });
    for (const points of [9, 401]) {
      await expectRefused(
        v,
        'shop',
        'redemptions.create',
        { householdId: h.id, lines: [{ itemId: insurance.id, qty: 1, points }], requestId: rid() },
        'INVALID_INPUT',
      );
    }
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: insurance.id, qty: 1 }], requestId: rid() }, 'INVALID_INPUT');
    expect((await redeem(v, h.id, [{ itemId: insurance.id, qty: 1, points: 10 }])).totalPoints).toBe(10);
    expect((await redeem(v, h.id, [{ itemId: insurance.id, qty: 2, points: 400 }])).totalPoints).toBe(800);
  });

  it('a fixed-price line with a different points value is INVALID_INPUT; the same value is fine', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: soap.id, qty: 1, points: 1 }], requestId: rid() },
      'INVALID_INPUT',
    );
    expect((await redeem(v, h.id, [{ itemId: soap.id, qty: 1, points: 10 }])).totalPoints).toBe(10);
  });

  it('an inactive item is refused', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    await v.invoke('shop', 'catalog.save', { id: soap.id, kind: 'goods', name: soap.name, unit: soap.unit, points: 10, active: false });
    await expectRefused(v, 'shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }, 'INVALID_INPUT');
  });
});

describe('a failed redemption changes nothing', () => {
  let h: { id: number }, soap: { id: number };
  beforeEach(async () => {
    h = await householdWithPoints(v, 100);
    soap = await goods(v, { points: 10, stock: 5 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]); // so receipt_counters has a row that must not move
  });
  const line = (l: Record<string, unknown>) => () => ({ householdId: h.id, lines: [{ itemId: soap.id, qty: 1, ...l }], requestId: rid() });
  const cases: [name: string, code: 'INVALID_INPUT' | 'NOT_FOUND', params: () => unknown][] = [
    ['fractional qty', 'INVALID_INPUT', line({ qty: 1.5 })],
    ['negative qty', 'INVALID_INPUT', line({ qty: -1 })],
    ['zero qty', 'INVALID_INPUT', line({ qty: 0 })],
    ['qty as a string', 'INVALID_INPUT', line({ qty: '1' })],
    ['fractional points', 'INVALID_INPUT', line({ points: 9.5 })],
    ['unknown field in a line', 'INVALID_INPUT', line({ discount: 5 })],
    ['unknown top-level field', 'INVALID_INPUT', () => ({ householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid(), operator: 'x' })],
    ['householdId as a string', 'INVALID_INPUT', () => ({ householdId: String(h.id), lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() })],
    ['empty cart', 'INVALID_INPUT', () => ({ householdId: h.id, lines: [], requestId: rid() })],
    ['missing requestId', 'INVALID_INPUT', () => ({ householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }] })],
    ['malformed requestId', 'INVALID_INPUT', () => ({ householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: 'a b' })],
    ['no params at all', 'INVALID_INPUT', () => undefined],
    ['unknown household', 'NOT_FOUND', () => ({ householdId: 9999, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() })],
    ['unknown item', 'NOT_FOUND', () => ({ householdId: h.id, lines: [{ itemId: 9999, qty: 1 }], requestId: rid() })],
    [
      'unknown item after a good line',
      'NOT_FOUND',
      () => ({
        householdId: h.id,
        lines: [
          { itemId: soap.id, qty: 1 },
          { itemId: 9999, qty: 1 },
        ],
        requestId: rid(),
      }),
    ],
  ];
  it.each(cases)('%s → %s', async (_name, code, params) => {
    await expectRefused(v, 'shop', 'redemptions.create', params(), code);
  });

  it('no token → UNAUTHENTICATED; a viewer or clerk → FORBIDDEN', async () => {
    const params = { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() };
    await expectRefused(v, null, 'redemptions.create', params, 'UNAUTHENTICATED');
    await expectRefused(v, 'viewer', 'redemptions.create', params, 'FORBIDDEN');
    await expectRefused(v, 'clerk', 'redemptions.create', params, 'FORBIDDEN');
  });
});

describe('what a redemption writes', () => {
  it('one redemption row, its lines, movements, one sync event and one audit row, all together', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { name: '香皂', points: 10, stock: 5 });
    const oil = await goods(v, { name: '食用油', points: 20, stock: 5 });
    const before: Record<string, number> = { ...counts(v.db), events: ownEvents(v.db).length };
    const r = await redeem(v, h.id, [
      { itemId: soap.id, qty: 2 },
      { itemId: oil.id, qty: 1 },
    ]);
    const after: Record<string, number> = { ...counts(v.db), events: ownEvents(v.db).length };
    expect({
      redemptions: after.redemptions - before.redemptions,
      redemption_lines: after.redemption_lines - before.redemption_lines,
      stock_movements: after.stock_movements - before.stock_movements,
      events: after.events - before.events,
      audit: after.audit - before.audit,
    }).toEqual({ redemptions: 1, redemption_lines: 2, stock_movements: 2, events: 1, audit: 1 });

    const row = v.db.prepare('SELECT * FROM redemptions WHERE id = ?').get(r.id) as Record<string, unknown>;
    expect(row).toMatchObject({
      receipt_no: 'C01-2026-000001',
      counter_id: 'C01',
      year: 2026,
      household_id: h.id,
      kind: 'counter',
      total_points: 40,
      local_date: '2026-03-15',
      at: '2026-03-15T02:00:00.000Z',
    });
    const event = ownEvents(v.db).at(-1)!;
    expect(event.type).toBe('redemption.create');
    expect(JSON.parse(event.payload)).toMatchObject({ receiptNo: 'C01-2026-000001', householdId: h.id, totalPoints: 40 });
    const audit = v.db.prepare('SELECT user_id, method, summary FROM audit ORDER BY id DESC LIMIT 1').get() as {
      user_id: number;
      method: string;
      summary: string;
    };
    expect(audit).toMatchObject({ user_id: v.ids.shop, method: 'redemptions.create' });
    expect(audit.summary).toContain('C01-2026-000001');
  });

  it('redemptions.get and the ledger show the lines and the redemption', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { name: '香皂', points: 10, stock: 5 });
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }]);
    const got = await v.invoke('shop', 'redemptions.get', { id: r.id });
    expect(got).toMatchObject({
      receiptNo: r.receiptNo,
      totalPoints: 20,
      voided: false,
      lines: [{ itemId: soap.id, name: '香皂', qty: 2, unitPoints: 10, linePoints: 20 }],
    });
    const ledger = await v.invoke('shop', 'ledger.list', { householdId: h.id, year: 2026 });
    expect(ledger.items.map((i) => [i.kind, i.points, i.status])).toEqual([
      ['award', 100, 'approved'],
      ['redemption', -20, 'approved'],
    ]);
  });
});
