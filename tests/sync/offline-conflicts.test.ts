/**
 * Real processes: an office and two counters behind a proxy. Both counters lose the link, keep
 * redeeming on their replicas, overspend one household and empty one shelf between them, and
 * catch up by themselves when the link returns; the office applies everything and flags both.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { FaultProxy, noFaults } from './fault-proxy.js';
import { converge, freePort, officeConflicts, pairedCounter, prepareOffice, ServerProcess, sleep, totals, type PreparedVillage } from './harness.js';
import { signRequest } from '../../electron/sync/signing.js';

let village: PreparedVillage;
let office: ServerProcess;
let proxy: FaultProxy;
let a: Awaited<ReturnType<typeof pairedCounter>>;
let b: Awaited<ReturnType<typeof pairedCounter>>;
let shopA: string, shopB: string;

beforeAll(async () => {
  village = await prepareOffice({ households: 4, goods: 5, services: 1, pointsPerHousehold: 100, stockPerItem: 15 });
  const port = await freePort();
  office = await ServerProcess.start('office', { dataDir: village.dataDir, port });
  proxy = new FaultProxy({ host: '127.0.0.1', port }, { faults: noFaults });
  await proxy.listen();
  [a, b] = await Promise.all([pairedCounter(office, proxy.url, { name: '甲' }), pairedCounter(office, proxy.url, { name: '乙' })]);
  [shopA, shopB] = await Promise.all([a.counter.login('shop'), b.counter.login('shop')]);
}, 120_000);

afterAll(async () => {
  await proxy?.close();
  for (const p of [a?.counter, b?.counter, office]) await p?.dispose();
});

const outboxUuids = (dataDir: string) => {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true });
  try {
    return (db.prepare("SELECT uuid FROM outbox WHERE type = 'redemption.create' ORDER BY seq").all() as { uuid: string }[]).map((r) => r.uuid);
  } finally {
    db.close();
  }
};

describe('offline counters', () => {
  it('keep redeeming without the office, show 离线 and what waits, and catch up by themselves', async () => {
    proxy.mode = 'down';
    onTestFinished(() => {
      proxy.mode = 'clean';
    });
    const household = village.households[0];
    const item = village.goods[4]; // 5 points, 15 in stock
    const ra = await a.counter.ok('redemptions.create', { householdId: household, lines: [{ itemId: item, qty: 12 }], requestId: 'offline-a-0001' }, shopA);
    const rb = await b.counter.ok('redemptions.create', { householdId: household, lines: [{ itemId: item, qty: 12 }], requestId: 'offline-b-0001' }, shopB);
    expect([ra.totalPoints, rb.totalPoints]).toEqual([60, 60]);
    const offline = await a.counter.ok('sync.now', {}, shopA);
    expect(offline).toMatchObject({ role: 'counter', online: false, pending: 1 });
    // Each counter refuses what its own replica says is over: offline work is checked locally.
    const over = await a.counter.call(
      'redemptions.create',
      { householdId: household, lines: [{ itemId: village.services[0], qty: 21 }], requestId: 'offline-a-0002' },
      shopA,
    );
    expect(over.error?.code).toBe('INSUFFICIENT_POINTS');

    proxy.mode = 'clean';
    for (let i = 0; ; i++) {
      const [sa, sb] = await Promise.all([a.counter.ok('sync.status', {}, shopA), b.counter.ok('sync.status', {}, shopB)]);
      if (sa.pending === 0 && sb.pending === 0 && sa.online && sb.online) break;
      if (i > 300) throw new Error(`did not catch up: ${JSON.stringify([sa, sb])}`);
      await sleep(100);
    }
    await converge(office, [a.counter, b.counter]);
  }, 90_000);

  it('the office holds both redemptions and flags the overspend and the empty shelf, naming both events', async () => {
    const conflicts = officeConflicts(village.dataDir);
    const events = [...outboxUuids(a.counter.dataDir), ...outboxUuids(b.counter.dataDir)].sort();
    const overspent = conflicts.filter((c) => c.kind === 'overspent');
    expect(overspent.length).toBeGreaterThanOrEqual(1);
    expect(overspent.at(-1)).toMatchObject({ household_id: village.households[0] });
    expect([...JSON.parse(overspent.at(-1)!.events)].sort()).toEqual(events);
    expect(JSON.parse(overspent.at(-1)!.detail)).toMatchObject({ score: 100, redeemed: 120, available: -20 });
    const stock = conflicts.filter((c) => c.kind === 'negative_stock');
    expect(stock.at(-1)).toMatchObject({ item_id: village.goods[4] });
    expect([...JSON.parse(stock.at(-1)!.events)].sort()).toEqual(events);
    expect(JSON.parse(stock.at(-1)!.detail)).toMatchObject({ stock: -9 });

    const adminToken = await office.login('admin');
    const listed = await office.ok('sync.conflicts', { open: true }, adminToken);
    expect(listed.open).toBe(conflicts.length);
    // Both counters see the same totals as the office.
    const [o, ta, tb] = [totals(office.dataDir), totals(a.counter.dataDir), totals(b.counter.dataDir)];
    expect(ta.redeemedByHousehold).toEqual(o.redeemedByHousehold);
    expect(tb.stock).toEqual(o.stock);
    expect(o.redeemedByHousehold[village.households[0]]).toBe(120);
  });
});

describe('trust, against the real office process', () => {
  it('refuses a replayed request, a forged one, and a revoked terminal; the office lists when each was last seen', async () => {
    const body = JSON.stringify({ after: 0, limit: 1 });
    const db = new Database(join(a.counter.dataDir, 'points.db'), { readonly: true });
    const link = JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'sync.link'").get() as { value: string }).value);
    db.close();
    const headers = {
      'content-type': 'application/json',
      ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path: '/sync/pull', body }),
    };
    const post = (h: Record<string, string>) => fetch(`${office.url}/sync/pull`, { method: 'POST', headers: h, body });
    expect((await post(headers)).status).toBe(200);
    expect((await post(headers)).status).toBe(401); // the same request again
    const forged = { ...headers, 'x-pos-signature': headers['x-pos-signature'].replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    expect((await post({ ...forged, 'x-pos-nonce': 'bm90LXNlZW4tYmVmb3JlLTEyMw' })).status).toBe(401);

    const admin = await office.login('admin');
    const terminals = (await office.ok('sync.terminals', {}, admin)).items;
    expect(terminals.map((t: { counterId: string }) => t.counterId).sort()).toEqual([a.counterId, b.counterId].sort());
    expect(terminals.every((t: { lastSeenAt: string | null }) => t.lastSeenAt !== null)).toBe(true);
    await office.ok('sync.revoke', { terminalId: b.terminalId, reason: '测试停用' }, admin);
    const status = await b.counter.ok('sync.now', {}, shopB);
    expect(status).toMatchObject({ revoked: true });
  }, 30_000);
});
