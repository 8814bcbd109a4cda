import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, expectRefused, freshVillage, goods, householdWithPoints, MemoryPrinter, redeem, users, ownEvents, type Village } from '../../test-support.js';

let v: Village;
beforeEach(async () => {
  v = await freshVillage();
});
afterEach(() => v.close());

describe('day.close (日结)', () => {
  it('numbers closes per counter and covers everything since the previous one: receipts issued, voids made', async () => {
    const h = await householdWithPoints(v, 500);
    const soap = await goods(v, { points: 10, stock: 50 });
    const a = await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }]);
    const b = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    await v.invoke('shop', 'redemptions.void', { id: a.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    const first = await v.invoke('shop', 'day.close', {});
    expect(first).toMatchObject({
      counterId: 'C01',
      closeNo: 1,
      count: 2,
      points: 30,
      voids: 1,
      voidPoints: 20,
      netPoints: 10,
      firstReceiptNo: a.receiptNo,
      lastReceiptNo: b.receiptNo,
      date: '2026-03-15',
    });
    expect(first.from).toBe(first.to); // all at the same fixed instant: the first close starts at its first receipt

    await v.moveClock('2026-03-16T10:00:00+08:00');
    const c = await redeem(v, h.id, [{ itemId: soap.id, qty: 3 }]);
    await v.invoke('shop', 'redemptions.void', { id: b.id, reason: '退货', supervisorUsername: 'admin', supervisorPin: users.admin.pin });
    const second = await v.invoke('shop', 'day.close', {});
    expect(second).toMatchObject({
      closeNo: 2,
      from: first.to,
      count: 1,
      points: 30,
      voids: 1,
      voidPoints: 10,
      firstReceiptNo: c.receiptNo,
      lastReceiptNo: c.receiptNo,
    });

    await v.moveClock('2026-03-17T10:00:00+08:00');
    expect(await v.invoke('shop', 'day.close', {})).toMatchObject({ closeNo: 3, count: 0, points: 0, voids: 0, firstReceiptNo: null, lastReceiptNo: null });
    expect((await v.invoke('viewer', 'day.closes', {})).items.map((x) => x.closeNo)).toEqual([3, 2, 1]);
  });

  it('is immutable, pushed as an event with the receipts it counted, and previewed as the printed slip', async () => {
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    const r = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    await v.invoke('shop', 'day.close', {});
    expect(() => v.db.prepare('UPDATE day_closes SET points = 0').run()).toThrow(/append-only/);
    expect(() => v.db.prepare('DELETE FROM day_closes').run()).toThrow(/append-only/);
    const event = JSON.parse(ownEvents(v.db, 'day.close')[0].payload);
    expect(event).toMatchObject({ closeNo: 1, counterId: 'C01', count: 1, points: 10, receipts: [r.receiptNo], source: { counterId: 'C01' } });
    const preview = await v.invoke('shop', 'day.closePreview', { closeNo: 1 });
    const text = preview.lines.map((l) => l.text).join('\n');
    expect(text).toContain('日结单');
    expect(text).toContain('C01-0001');
    expect(text).toContain(r.receiptNo);
  });

  it('prints the slip, and a reprint says 重打; each print is in the audit log', async () => {
    const printer = new MemoryPrinter();
    v.d.deps.printer = printer;
    await v.invoke('shop', 'printer.configure', { type: 'epson', interface: 'tcp://127.0.0.1:9100', width: 32 });
    await v.invoke('shop', 'day.close', {});
    expect(await v.invoke('shop', 'day.printClose', { closeNo: 1 })).toEqual({ printed: true, jobId: 1, state: 'done', via: 'epson', closeNo: 1 });
    expect(await v.invoke('shop', 'day.printClose', { closeNo: 1, reprint: true })).toEqual({
      printed: true,
      jobId: 2,
      state: 'done',
      via: 'epson',
      closeNo: 1,
    });
    expect(printer.jobs).toHaveLength(2);
    expect(v.db.prepare("SELECT user_id, summary FROM audit WHERE method = 'day.printClose' ORDER BY id").all()).toEqual([
      { user_id: v.ids.shop, summary: '打印日结单 C01-0001' },
      { user_id: v.ids.shop, summary: '重打日结单 C01-0001' },
    ]);
  });

  it('is for the shopkeeper; a viewer cannot close, and a failed close writes nothing', async () => {
    await expectRefused(v, 'viewer', 'day.close', {}, 'FORBIDDEN');
    await expectRefused(v, 'shop', 'day.close', { extra: 1 }, 'INVALID_INPUT');
    expect(count(v.db, 'day_closes')).toBe(0);
    await expectRefused(v, 'shop', 'day.printClose', { closeNo: 9 }, 'NOT_FOUND');
  });
});
