/**
 * Office and counter in one process: two real databases, the real HTTP server, the real agent.
 * The multi-process tests with faults are in tests/sync; these pin the protocol's rules.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../server/app.js';
import { createHttpServer } from '../server/http.js';
import { insertUser } from '../core/domains/auth/bootstrap.js';
import { signRequest } from './signing.js';
import { applyEvent } from './apply.js';
import type { CounterAgent, SyncLink } from './counter.js';
import { getSetting } from '../core/settings.js';

interface Node {
  app: App;
  server: Server;
  url: string;
  dir: string;
  token(user: string, pin: string): Promise<string>;
  call<T = any>(method: string, params: unknown, token?: string): Promise<T>;
}

const pins = { admin: '918273', shop: '827364', clerk: '736455', review: '645546' };

async function node(role: 'office' | 'counter'): Promise<Node> {
  const dir = mkdtempSync(join(tmpdir(), `pos-sync-${role}-`));
  const app = await openApp({ dataDir: dir, role, dailyBackups: false, sync: { intervalMs: 50, timeoutMs: 3000, maxBackoffMs: 200 } });
  const server = createHttpServer(app.dispatcher);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, params: unknown, token?: string) => {
    const r = await app.dispatcher.call(method, params, token);
    if ('error' in r) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.result as any;
  };
  return { app, server, url, dir, call, token: async (username, pin) => (await call('auth.login', { username, pin })).token };
}

async function close(n: Node) {
  await new Promise<void>((ok) => n.server.close(() => ok()));
  n.server.closeAllConnections();
  n.app.close();
  rmSync(n.dir, { recursive: true, force: true });
}

const agentOf = (n: Node) => n.app.dispatcher.deps.sync as CounterAgent;
const count = (n: Node, table: string, where = '1') => (n.app.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;

let office: Node, counter: Node;
let tokens: Record<string, string>;
let ids: { household: number; soap: number; haircut: number };

/** An office with staff, one household holding 100 points, goods (stock 4) and a service; a counter paired to it. */
beforeEach(async () => {
  office = await node('office');
  counter = await node('counter');
  const now = new Date();
  const db = office.app.db;
  // The office is set up as its wizard would, then gets its staff.
  await office.call('setup.complete', {
    role: 'office',
    village: { name: '红星村', code: '110101001001', town: '东华门街道', county: '东城区' },
    admin: { name: 'admin', username: 'admin', pin: pins.admin },
  });
  for (const [username, roles] of [
    ['shop', ['shopkeeper']],
    ['clerk', ['clerk']],
    ['review', ['reviewer']],
  ] as const) {
    insertUser(db, { username, name: username, pin: pins[username], roles: [...roles] }, now);
  }
  const admin = await office.token('admin', pins.admin);
  tokens = {
    admin,
    shop: await office.token('shop', pins.shop),
    clerk: await office.token('clerk', pins.clerk),
    review: await office.token('review', pins.review),
  };
  const h = await office.call('households.create', { headName: '张三丰' }, tokens.clerk);
  const rule = await office.call('rules.save', { category: '测试', name: '测试奖励', kind: 'award', points: 100 }, tokens.admin);
  const { entries } = await office.call(
    'points.record',
    { householdIds: [h.id], ruleId: rule.id, occurredOn: (await office.call('calendar.get', {}, admin)).today },
    tokens.clerk,
  );
  await office.call('points.review', { entryIds: entries.map((e: { id: number }) => e.id), decision: 'approve' }, tokens.review);
  const soap = await office.call('catalog.save', { kind: 'goods', name: '香皂', unit: '块', points: 30 }, tokens.shop);
  await office.call('stock.receive', { itemId: soap.id, qty: 4, fundingSource: 'fiscal' }, tokens.shop);
  const haircut = await office.call('catalog.save', { kind: 'service', name: '剪头发', unit: '次', points: 10 }, tokens.shop);
  ids = { household: h.id, soap: soap.id, haircut: haircut.id };

  const { code } = await office.call('sync.pairingCode', {}, admin);
  // A fresh counter has no accounts: it pairs from its first-run setup.
  const paired = await counter.call('setup.complete', { role: 'counter', office: { url: office.url, code } });
  expect(paired.counterId).toBe('C02');
  await agentOf(counter).syncNow();
});

afterEach(async () => {
  await close(counter);
  await close(office);
});

describe('pairing and the first pull', () => {
  it('the counter takes the office roster, points, catalog, stock and accounts', async () => {
    const shop = await counter.token('shop', pins.shop);
    const { account } = await counter.call('households.get', { id: ids.household }, shop);
    expect(account).toMatchObject({ score: 100, available: 100 });
    const items = (await counter.call('catalog.list', {}, shop)).items as { id: number; stock: number | null }[];
    expect(items.find((i) => i.id === ids.soap)?.stock).toBe(4);
    expect(await counter.call('auth.me', {}, shop)).toMatchObject({ counterId: 'C02' });
    // No default account ever existed here: only office accounts sign in.
    await expect(counter.token('admin', '123456')).rejects.toThrow(/UNAUTHENTICATED/);
    expect(await counter.token('admin', pins.admin)).toBeTruthy();
    expect(await counter.call('sync.status', {}, shop)).toMatchObject({ role: 'counter', paired: true, online: true, pending: 0 });
  });

  it('a code works once; a counter with history cannot pair; office-owned writes are refused at the counter', async () => {
    const admin = tokens.admin;
    const { code } = await office.call('sync.pairingCode', { name: '二号柜台' }, admin);
    const other = await node('counter');
    try {
      await other.call('setup.complete', { role: 'counter', office: { url: office.url, code } });
      const third = await node('counter');
      try {
        await expect(third.call('setup.complete', { role: 'counter', office: { url: office.url, code } })).rejects.toThrow(/UNAUTHENTICATED/);
      } finally {
        await close(third);
      }
    } finally {
      await close(other);
    }
    const shop = await counter.token('shop', pins.shop);
    // A counter receives only the users it needs (shopkeepers, providers, admins): a clerk cannot sign in there.
    await expect(counter.token('clerk', pins.clerk)).rejects.toThrow(/UNAUTHENTICATED/);
    const counterAdmin = await counter.token('admin', pins.admin);
    await expect(counter.call('households.create', { headName: '李四' }, counterAdmin)).rejects.toThrow(/FORBIDDEN.*村委会/);
    await expect(counter.call('catalog.save', { kind: 'goods', name: '毛巾', unit: '条', points: 5 }, shop)).rejects.toThrow(/FORBIDDEN/);
    await expect(counter.call('sync.pairingCode', {}, shop)).rejects.toThrow(/FORBIDDEN/);
  });
});

describe("a counter's own machine settings", () => {
  it("its admin manages the counter's local backups (backup.configure, backup.now); the setting stays on this machine", async () => {
    const admin = await counter.token('admin', pins.admin);
    expect(await counter.call('backup.configure', { keep: 3 }, admin)).toMatchObject({ keep: 3 });
    const made = await counter.call('backup.now', {}, admin);
    expect(made.file).toMatch(/manual\.db$/);
    expect((await counter.call('backup.list', {}, admin)).items.map((b: { file: string }) => b.file)).toContain(made.file);
    await office.call('backup.configure', { keep: 9 }, tokens.admin);
    await agentOf(counter).syncNow();
    // Each machine keeps its own: the office's setting does not travel, nor the counter's.
    expect((await counter.call('backup.list', {}, admin)).keep).toBe(3);
    expect((await office.call('backup.list', {}, tokens.admin)).keep).toBe(9);
    expect(count(counter, 'audit', "method IN ('backup.configure', 'backup.now')")).toBe(2);
  });
});

describe('push', () => {
  it("a counter's redemption, void, stock receipt and day close reach the office once, with the same facts", async () => {
    const shop = await counter.token('shop', pins.shop);
    const r = await counter.call(
      'redemptions.create',
      { householdId: ids.household, lines: [{ itemId: ids.soap, qty: 2 }], requestId: 'c02-req-000001' },
      shop,
    );
    expect(r.receiptNo).toMatch(/^C02-\d{4}-000001$/);
    const r2 = await counter.call(
      'redemptions.create',
      { householdId: ids.household, lines: [{ itemId: ids.haircut, qty: 1 }], requestId: 'c02-req-000002' },
      shop,
    );
    // The supervisor is the office's admin: accounts (with PIN hashes) came down in the pull.
    await counter.call('redemptions.void', { id: r2.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: pins.admin }, shop);
    await counter.call('stock.receive', { itemId: ids.soap, qty: 3, fundingSource: 'donation', donor: '爱心企业' }, shop);
    const close1 = await counter.call('day.close', {}, shop);
    expect(close1).toMatchObject({ closeNo: 1, count: 2, points: 70 });
    await agentOf(counter).syncNow();
    expect(agentOf(counter).status().pending).toBe(0);

    const officeShop = tokens.shop;
    const { account } = await office.call('households.get', { id: ids.household }, officeShop);
    expect(account.redeemed).toBe(60);
    expect(count(office, 'redemption_voids')).toBe(1);
    expect(count(office, 'redemptions', "counter_id = 'C02'")).toBe(2);
    expect(count(office, 'receiving_notes')).toBe(2); // the office's own receipt of 5, and the counter's of 3
    const stock = (await office.call('catalog.list', {}, officeShop)).items.find((i: { id: number }) => i.id === ids.soap).stock;
    expect(stock).toBe(4 - 2 + 3);
    expect(count(office, 'day_closes', "counter_id = 'C02'")).toBe(1);
    expect(count(office, 'sync_conflicts')).toBe(0);
    // Pushing again changes nothing.
    const inbox = count(office, 'sync_inbox');
    await agentOf(counter).syncNow();
    expect(count(office, 'sync_inbox')).toBe(inbox);
  });
});

describe('receipt numbers reused at a counter', () => {
  it('a paired counter refuses backup.restore: it would lose what it did since and number its receipts again', async () => {
    const admin = await counter.token('admin', pins.admin);
    const backup = await counter.call('backup.now', {}, admin);
    await expect(counter.call('backup.restore', { file: backup.file }, admin)).rejects.toThrow(/CONFLICT.*已与村委会配对/);
  });

  it('the office applies a redemption under a receipt number it already holds for another one as a failure it flags, never as a duplicate', async () => {
    const shop = await counter.token('shop', pins.shop);
    const first = await counter.call(
      'redemptions.create',
      { householdId: ids.household, lines: [{ itemId: ids.soap, qty: 1 }], requestId: 'c02-req-reuse-1' },
      shop,
    );
    await agentOf(counter).syncNow();
    const sent = counter.app.db.prepare("SELECT uuid, type, payload, at FROM outbox WHERE type = 'redemption.create'").get() as {
      uuid: string;
      type: string;
      payload: string;
      at: string;
    };
    const payload = JSON.parse(sent.payload) as Record<string, unknown>;
    const terminal = agentOf(counter).link()!.terminalId;
    const apply = (uuid: string, p: Record<string, unknown>) =>
      office.app.db.transaction(() =>
        applyEvent(office.app.db, { uuid, type: sent.type, payload: p, at: sent.at, origin: terminal, originCounter: 'C02' }, 'office', new Date()),
      )();

    // The same redemption under another uuid: a duplicate, nothing written.
    expect(apply(randomUUID(), payload)).toMatchObject({ status: 'duplicate' });
    expect(count(office, 'sync_conflicts')).toBe(0);
    // Another redemption under that number (as from a counter whose file was put back from an older copy).
    const other = { ...payload, requestId: 'c02-req-reuse-2', requestHash: 'f'.repeat(64) };
    expect(apply(randomUUID(), other)).toMatchObject({ status: 'failed', conflicts: 1 });
    const conflicts = (await office.call('sync.conflicts', { open: true }, tokens.admin)).items as {
      kind: string;
      counterId: string;
      detail: { error: string; ref: string };
    }[];
    expect(conflicts).toEqual([expect.objectContaining({ kind: 'apply_failed', counterId: 'C02', detail: expect.objectContaining({ ref: first.receiptNo }) })]);
    expect(conflicts[0].detail.error).toContain('已用于另一笔兑换');
    // The office still holds the first redemption as it was; the other is kept (payload) for the admin to settle.
    expect(office.app.db.prepare('SELECT request_id, total_points FROM redemptions WHERE receipt_no = ?').get(first.receiptNo)).toEqual({
      request_id: 'c02-req-reuse-1',
      total_points: 30,
    });
    expect(count(office, 'sync_inbox', "status = 'failed' AND payload LIKE '%c02-req-reuse-2%'")).toBe(1);
  });
});

describe('trust', () => {
  async function signedPost(path: string, body: string, link: SyncLink, tamper?: (h: Record<string, string>) => void, now?: number) {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path, body }, now),
    };
    tamper?.(headers);
    const res = await fetch(`${office.url}${path}`, { method: 'POST', headers, body });
    return {
      status: res.status,
      body: (await res.json()) as { result?: unknown; error?: { code: string; reason?: string; details?: Record<string, unknown> } },
    };
  }

  it('refuses a replayed request, a forged signature, a stale time and a revoked terminal', async () => {
    const link = getSetting<SyncLink>(counter.app.db, 'sync.link', null as never);
    const body = JSON.stringify({ after: 0, limit: 1 });
    const headers = signRequest({ terminalId: link.terminalId, secret: link.secret, method: 'POST', path: '/sync/pull', body });
    const send = () => fetch(`${office.url}/sync/pull`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    expect((await send()).status).toBe(200);
    const replay = await send();
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { reason: string } }).error.reason).toBe('replay');

    const forged = await signedPost('/sync/pull', body, { ...link, secret: Buffer.alloc(32, 7).toString('base64url') });
    expect([forged.status, forged.body.error?.reason]).toEqual([401, 'bad_signature']);
    const changed = await signedPost('/sync/pull', body, link, (h) => {
      h['x-pos-time'] = String(Number(h['x-pos-time']) + 1);
    });
    expect(changed.status).toBe(401);
    const stale = await signedPost('/sync/pull', body, link, undefined, Date.now() - 6 * 60_000);
    expect([stale.status, stale.body.error?.reason]).toEqual([401, 'stale']);
    const unsigned = await fetch(`${office.url}/sync/pull`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(unsigned.status).toBe(401);

    await office.call('sync.revoke', { terminalId: link.terminalId, reason: '柜台电脑丢失' }, tokens.admin);
    const revoked = await signedPost('/sync/pull', body, link);
    expect([revoked.status, revoked.body.error?.reason]).toEqual([403, 'revoked']);
    await agentOf(counter).syncNow();
    expect(agentOf(counter).status()).toMatchObject({ revoked: true, online: true });
    const terminals = (await office.call('sync.terminals', {}, tokens.admin)).items;
    expect(terminals).toMatchObject([{ counterId: 'C02', revoked: true, revokeReason: '柜台电脑丢失' }]);
  });

  it('a push that starts after a gap is refused with where to resend from', async () => {
    const link = getSetting<SyncLink>(counter.app.db, 'sync.link', null as never);
    const r = await signedPost('/sync/push', JSON.stringify({ after: 5, events: [] }), link);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'CONFLICT', reason: 'gap', details: { expected: 0 } });
  });
});

describe('conflicts', () => {
  it('an overspend made offline at the counter while the office redeemed is applied and flagged, naming both events', async () => {
    const shop = await counter.token('shop', pins.shop);
    agentOf(counter).stop(); // offline
    await office.call('redemptions.create', { householdId: ids.household, lines: [{ itemId: ids.soap, qty: 2 }], requestId: 'office-req-00001' }, tokens.shop);
    const offline = await counter.call(
      'redemptions.create',
      { householdId: ids.household, lines: [{ itemId: ids.soap, qty: 3 }], requestId: 'c02-req-000009' },
      shop,
    );
    expect(agentOf(counter).status().pending).toBe(1);
    await agentOf(counter).syncNow();
    const { items } = await office.call('sync.conflicts', { open: true }, tokens.admin);
    const kinds = items.map((c: { kind: string }) => c.kind).sort();
    expect(kinds).toEqual(['negative_stock', 'overspent']);
    const over = items.find((c: { kind: string }) => c.kind === 'overspent');
    expect(over).toMatchObject({ householdId: ids.household, counterId: 'C02', detail: { available: -50 } });
    expect(over.events).toHaveLength(2);
    expect(over.detail.receipts).toContain(offline.receiptNo);
    // Both redemptions count: nothing dropped.
    expect((await office.call('households.get', { id: ids.household }, tokens.shop)).account.redeemed).toBe(150);
    await office.call('sync.resolveConflict', { id: over.id, resolution: '已与农户沟通，下次补扣' }, tokens.admin);
    expect((await office.call('sync.conflicts', { open: true }, tokens.admin)).open).toBe(1);
    // The counter hears of it, and has the office's redemption too.
    await agentOf(counter).syncNow();
    expect(agentOf(counter).status().conflicts).toBe(1);
    expect(count(counter, 'redemptions')).toBe(2);
  });
});

describe('day close reconciliation', () => {
  it("a close that misses what the office did to the counter's receipts meanwhile is flagged, with what differs", async () => {
    const shop = await counter.token('shop', pins.shop);
    const r1 = await counter.call(
      'redemptions.create',
      { householdId: ids.household, lines: [{ itemId: ids.haircut, qty: 1 }], requestId: 'c02-req-000101' },
      shop,
    );
    await counter.call('redemptions.create', { householdId: ids.household, lines: [{ itemId: ids.haircut, qty: 2 }], requestId: 'c02-req-000102' }, shop);
    await agentOf(counter).syncNow();
    agentOf(counter).stop(); // the link goes down
    const atOffice = (await office.call('redemptions.list', { limit: 10 }, tokens.shop)).items.find((x: { receiptNo: string }) => x.receiptNo === r1.receiptNo);
    await office.call('redemptions.void', { id: atOffice.id, reason: '村委会核实后作废', supervisorUsername: 'admin', supervisorPin: pins.admin }, tokens.shop);
    const close = await counter.call('day.close', {}, shop);
    expect(close).toMatchObject({ closeNo: 1, count: 2, points: 30, voids: 0 });
    await agentOf(counter).syncNow();
    const { items } = await office.call('sync.conflicts', { open: true }, tokens.admin);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'close_mismatch', counterId: 'C02', detail: { closeNo: 1, missing: [], extra: [] } });
    expect(items[0].detail.fields).toEqual([
      { field: 'voids', reported: 0, held: 1 },
      { field: 'voidPoints', reported: 0, held: 10 },
    ]);
    // The counter has the office's void now, and its next close agrees.
    expect(count(counter, 'redemption_voids')).toBe(1);
    const next = await counter.call('day.close', {}, shop);
    expect(next).toMatchObject({ closeNo: 2, count: 0 });
    await agentOf(counter).syncNow();
    expect((await office.call('sync.conflicts', { open: true }, tokens.admin)).items).toHaveLength(1);
    expect(count(office, 'day_closes', "counter_id = 'C02'")).toBe(2);
  });
});

describe('an office restored from an older backup', () => {
  it('serves a counter from what it remembers serving, so the counter re-pulls (harmlessly) and misses nothing new', async () => {
    const shop = await counter.token('shop', pins.shop);
    await counter.call('redemptions.create', { householdId: ids.household, lines: [{ itemId: ids.haircut, qty: 1 }], requestId: 'c02-req-000201' }, shop);
    await agentOf(counter).syncNow();
    const before = { redemptions: count(counter, 'redemptions'), entries: count(counter, 'point_entries'), movements: count(counter, 'stock_movements') };
    // What a restore does to the office's memory of this terminal (and to its feed numbering).
    office.app.db.prepare('UPDATE sync_terminals SET last_pull_seq = 0, last_outbox_seq = 0').run();
    const h = await office.call('households.create', { headName: '新户' }, tokens.clerk);
    await agentOf(counter).syncNow();
    expect(agentOf(counter).status()).toMatchObject({ online: true, pending: 0, lastError: null });
    expect(await counter.call('households.get', { id: h.id }, shop)).toMatchObject({ household: { headName: '新户' } });
    expect({ redemptions: count(counter, 'redemptions'), entries: count(counter, 'point_entries'), movements: count(counter, 'stock_movements') }).toEqual(
      before,
    );
    expect(count(office, 'redemptions', "counter_id = 'C02'")).toBe(1);
  });
});

describe('derived totals at the replica', () => {
  it("the counter's trigger-kept account totals equal the office's after rows and events arrive", async () => {
    const shop = await counter.token('shop', pins.shop);
    await counter.call('redemptions.create', { householdId: ids.household, lines: [{ itemId: ids.haircut, qty: 3 }], requestId: 'c02-req-000301' }, shop);
    await office.call(
      'redemptions.create',
      { householdId: ids.household, lines: [{ itemId: ids.haircut, qty: 1 }], requestId: 'office-req-00301' },
      tokens.shop,
    );
    await agentOf(counter).syncNow();
    const read = (n: Node) => n.app.db.prepare('SELECT household_id, year, awarded, deducted, redeemed FROM account_totals ORDER BY household_id, year').all();
    expect(read(counter)).toEqual(read(office));
    expect(read(office)).toMatchObject([{ household_id: ids.household, awarded: 100, redeemed: 40 }]);
  });
});
