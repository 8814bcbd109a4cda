/** Invariants every write keeps: the ledger is append-only, each write is audited once, and no PIN is ever logged. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  allPins,
  approved,
  counts,
  freshVillage,
  goods,
  household,
  householdWithPoints,
  recordPending,
  redeem,
  rid,
  service,
  users,
  type Village,
  ownEvents,
} from './test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

/** One of everything, so each append-only table has a row to try to change. */
async function busyDay() {
  const h = await householdWithPoints(v, 100);
  const soap = await goods(v, { points: 10, stock: 5 });
  const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
  await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
  return { h, soap, r };
}

describe('append-only ledger', () => {
  const tables = ['point_entries', 'point_reviews', 'redemptions', 'redemption_lines', 'redemption_voids', 'stock_movements', 'audit', 'receipt_prints'];

  it.each(tables)('%s refuses UPDATE and DELETE at the database', async (table) => {
    await busyDay();
    if (table === 'receipt_prints') {
      v.db.prepare("INSERT INTO receipt_prints (redemption_id, kind, at) VALUES (1, 'receipt', '2026-03-15T02:00:00Z')").run();
    }
    const before = v.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
    expect(before.length).toBeGreaterThan(0);
    const col = Object.keys(before[0] as object).find((c) => c !== 'id' && c !== 'entry_id')!;
    expect(() => v.db.prepare(`UPDATE ${table} SET ${col} = ${col}`).run()).toThrow(/append-only/);
    expect(() => v.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    expect(v.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()).toEqual(before);
  });

  it('a reversal and a void point at their originals by foreign key', async () => {
    const { r } = await busyDay();
    expect(() => v.db.prepare("INSERT INTO redemption_voids (redemption_id, reason, user_id, supervisor_id, at) VALUES (9999, 'x', 1, 1, 'x')").run()).toThrow(
      /FOREIGN KEY/,
    );
    expect(() => v.db.prepare("INSERT INTO redemption_voids (redemption_id, reason, user_id, supervisor_id, at) VALUES (?, 'x', 1, 1, 'x')").run(r.id)).toThrow(
      /UNIQUE/,
    );
    expect(() =>
      v.db
        .prepare(
          `INSERT INTO point_entries (household_id, kind, category, rule_name, points, occurred_on, year, recorded_by, recorded_at)
      VALUES (1, 'reversal', 'x', 'x', 5, '2026-03-15', 2026, 1, 'x')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('stock cannot be edited around the movements: the level is kept by trigger from them', async () => {
    const { soap } = await busyDay();
    v.db.prepare("INSERT INTO stock_movements (item_id, delta, kind, reason, at) VALUES (?, -2, 'count', 'x', 'x')").run(soap.id);
    expect(v.db.prepare('SELECT qty FROM stock_levels WHERE item_id = ?').get(soap.id)).toEqual({ qty: 3 });
  });
});

describe('audit and sync events', () => {
  /** Each successful write, with whether it must also leave a sync event. */
  async function eachWrite(): Promise<[string, () => Promise<unknown>, number][]> {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 5 });
    const cut = await service(v, { points: 5 });
    const pending = await recordPending(v, h.id, 'award', 5);
    const toReverse = await approved(v, h.id, 'award', 7);
    let redemptionId = 0;
    const rule = await v.invoke('admin', 'rules.save', { category: '乡风文明', name: '孝老爱亲', kind: 'award', points: 10 });
    return [
      ['households.create', () => v.invoke('clerk', 'households.create', { headName: '李四' }), 0],
      ['rules.save', () => v.invoke('admin', 'rules.save', { category: '环境卫生', name: '乱堆乱放', kind: 'deduction', minPoints: 2, maxPoints: 10 }), 0],
      ['points.record', () => v.invoke('clerk', 'points.record', { householdIds: [h.id], ruleId: rule.id, occurredOn: '2026-03-15' }), 0],
      ['points.review', () => v.invoke('review', 'points.review', { entryIds: [pending], decision: 'approve' }), 0],
      ['points.reverse', () => v.invoke('clerk', 'points.reverse', { entryId: toReverse, reason: '录错' }), 0],
      ['catalog.save', () => v.invoke('shop', 'catalog.save', { kind: 'goods', name: '毛巾', unit: '条', points: 8 }), 0],
      ['calendar.set', () => v.invoke('admin', 'calendar.set', { mode: 'any' }), 0],
      ['stock.receive', () => v.invoke('shop', 'stock.receive', { itemId: soap.id, qty: 3, fundingSource: 'collective' }), 1],
      ['stock.count', () => v.invoke('shop', 'stock.count', { itemId: soap.id, countedQty: 7, reason: '盘点' }), 1],
      [
        'redemptions.create',
        async () => {
          redemptionId = (await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }])).id;
        },
        1,
      ],
      [
        'redemptions.void',
        () => v.invoke('shop', 'redemptions.void', { id: redemptionId, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin }),
        1,
      ],
      ['services.log', () => v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() }), 1],
    ];
  }

  it('every write leaves exactly one audit row (method and user), and redemption/void/stock exactly one sync event', async () => {
    for (const [method, run, events] of await eachWrite()) {
      const before = { audit: counts(v.db).audit, events: ownEvents(v.db).length };
      await run();
      const after = { audit: counts(v.db).audit, events: ownEvents(v.db).length };
      expect([method, after.audit - before.audit, after.events - before.events]).toEqual([method, 1, events]);
      const last = v.db.prepare('SELECT method, user_id, at FROM audit ORDER BY id DESC LIMIT 1').get() as { method: string; user_id: number; at: string };
      expect(last.method).toBe(method);
      expect(last.user_id).not.toBeNull();
      expect(last.at).toBe(v.clock.now().toISOString());
    }
  });

  it('a failed write leaves neither an audit row nor a sync event', async () => {
    const h = await householdWithPoints(v, 5);
    const soap = await goods(v, { points: 10, stock: 5 });
    const before = counts(v.db);
    expect('error' in (await v.call('shop', 'redemptions.create', { householdId: h.id, lines: [{ itemId: soap.id, qty: 1 }], requestId: rid() }))).toBe(true);
    expect('error' in (await v.call('shop', 'stock.receive', { itemId: 9999, qty: 1, fundingSource: 'fiscal' }))).toBe(true);
    expect(counts(v.db)).toEqual(before);
  });

  it('reads leave no audit row', async () => {
    const h = await household(v);
    const before = counts(v.db);
    await v.invoke('shop', 'households.get', { id: h.id });
    await v.invoke('shop', 'households.search', { q: 'zsf' });
    await v.invoke('shop', 'catalog.list', {});
    await v.invoke('shop', 'ledger.list', { householdId: h.id, year: 2026 });
    expect(counts(v.db)).toEqual(before);
  });

  it('no PIN ever reaches the audit log, a sync event or a redemption row', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 5 });
    await v.invoke('admin', 'calendar.set', { mode: 'dates', dates: ['2026-03-01'] });
    const override = { supervisorUsername: 'admin', supervisorPin: users.admin.pin, reason: '特批' };
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }], { override });
    await v.invoke('shop', 'redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    await v.call('shop', 'redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: '135791' });
    await v.call(null, 'auth.login', { username: 'shop', pin: '246802' });
    await v.login('shop');

    const logged = JSON.stringify([
      v.db.prepare('SELECT * FROM audit').all(),
      ownEvents(v.db).map(({ type, payload, at }) => [type, payload, at]), // (uuid is random hex)
      v.db.prepare('SELECT * FROM redemptions').all(),
      v.db.prepare('SELECT * FROM redemption_voids').all(),
    ]);
    for (const pin of [...allPins, '135791', '246802']) expect(logged).not.toContain(pin);
  });
});
