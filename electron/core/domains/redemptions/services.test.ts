import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountOf, count, expectRefused, freshVillage, goods, householdWithPoints, rid, service, ownEvents, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('services.log', () => {
  it('a provider logs a service they provide: it commits as kind "service" and deducts the points', async () => {
    const h = await householdWithPoints(v, 50);
    const cut = await service(v, { name: '剪头发', points: 5, providers: ['barber'] });
    const [events, audit] = [ownEvents(v.db).length, count(v.db, 'audit')];
    const r = await v.invoke('barber', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() });
    expect(r).toMatchObject({ receiptNo: 'C01-2026-000001', totalPoints: 5, account: { score: 50, redeemed: 5, available: 45 } });
    expect(v.db.prepare('SELECT kind, operator_id FROM redemptions WHERE id = ?').get(r.id)).toEqual({ kind: 'service', operator_id: v.ids.barber });
    expect(v.db.prepare('SELECT provider_id, qty, line_points FROM redemption_lines WHERE redemption_id = ?').all(r.id)).toEqual([
      { provider_id: v.ids.barber, qty: 1, line_points: 5 },
    ]);
    expect(await accountOf(v, h.id)).toMatchObject({ available: 45 });
    expect([ownEvents(v.db).length - events, count(v.db, 'audit') - audit]).toEqual([1, 1]);
    expect(ownEvents(v.db).at(-1)?.type).toBe('service.log');
  });

  it('a service the provider does not provide is FORBIDDEN and writes nothing', async () => {
    const h = await householdWithPoints(v, 50);
    const pipes = await service(v, { name: '管道疏通', points: 10, providers: ['plumber'] });
    await expectRefused(v, 'barber', 'services.log', { itemId: pipes.id, householdId: h.id, requestId: rid() }, 'FORBIDDEN');
  });

  it('a provider cannot log goods, and a shopkeeper or viewer cannot call services.log', async () => {
    const h = await householdWithPoints(v, 50);
    const soap = await goods(v);
    const cut = await service(v);
    await expectRefused(v, 'barber', 'services.log', { itemId: soap.id, householdId: h.id, requestId: rid() }, 'INVALID_INPUT');
    await expectRefused(v, 'shop', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() }, 'FORBIDDEN');
    await expectRefused(v, 'viewer', 'services.log', { itemId: cut.id, householdId: h.id, requestId: rid() }, 'FORBIDDEN');
  });

  it('obeys available points, the yearly limit and open-price bounds like the counter does', async () => {
    const h = await householdWithPoints(v, 65);
    const ac = await service(v, { name: '空调清洗', points: 30, providers: ['plumber'], limit: 2 });
    const insurance = await service(v, { name: '缴纳医保', openPrice: true, minPoints: 10, maxPoints: 400, providers: ['plumber'] });
    await v.invoke('plumber', 'services.log', { itemId: ac.id, householdId: h.id, requestId: rid() });
    await v.invoke('plumber', 'services.log', { itemId: ac.id, householdId: h.id, requestId: rid() });
    await expectRefused(v, 'plumber', 'services.log', { itemId: ac.id, householdId: h.id, requestId: rid() }, 'LIMIT_EXCEEDED');
    await expectRefused(v, 'plumber', 'services.log', { itemId: insurance.id, householdId: h.id, requestId: rid(), points: 5 }, 'INVALID_INPUT');
    await expectRefused(v, 'plumber', 'services.log', { itemId: insurance.id, householdId: h.id, requestId: rid(), points: 10 }, 'INSUFFICIENT_POINTS');
  });

  it("is idempotent by requestId; a counter redemption cannot reuse a service's requestId", async () => {
    const h = await householdWithPoints(v, 50);
    const cut = await service(v, { points: 5 });
    const params = { itemId: cut.id, householdId: h.id, requestId: 'phone-barber-0001' };
    const first = await v.invoke('barber', 'services.log', params);
    expect(await v.invoke('barber', 'services.log', params)).toEqual(first);
    expect(count(v.db, 'redemptions')).toBe(1);
    const audit = v.db.prepare("SELECT summary FROM audit WHERE method = 'services.log' ORDER BY id").all() as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual([
      `服务 ${first.receiptNo} 户#${h.id} 项目#${cut.id} 5 分`,
      `重复请求，未新增 (replayed request, nothing new): 返回原单 ${first.receiptNo} (requestId phone-barber-0001)`,
    ]);
    await expectRefused(
      v,
      'shop',
      'redemptions.create',
      { householdId: h.id, lines: [{ itemId: cut.id, qty: 1 }], requestId: 'phone-barber-0001' },
      'CONFLICT',
    );
  });
});
