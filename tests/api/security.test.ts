// Security over real HTTP: lockout, session expiry, roles as 403, user management, and the audit
// log naming the supervisor behind every override and void.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog, demoPins, expectError, householdByCard, newRequestId, startServer, type TestServer } from './server.js';

let s: TestServer;
let admin: string;
const T = '2026-03-16T09:00:00+08:00';
const at = (minutes: number) => new Date(new Date(T).getTime() + minutes * 60_000).toISOString();

beforeAll(async () => {
  s = await startServer();
  await s.ok('clock.set', { now: T });
  admin = await s.login('admin');
});
afterAll(async () => {
  await s?.stop();
});

describe('lockout over HTTP', () => {
  it('5 wrong PINs in a row lock the account for 5 minutes, even against the right PIN', async () => {
    await s.ok('clock.set', { now: at(0) });
    for (let i = 0; i < 5; i++) expectError(await s.call('auth.login', { username: 'clerk', pin: '000000' }), 'UNAUTHENTICATED', 401);
    const locked = expectError(await s.call('auth.login', { username: 'clerk', pin: demoPins.clerk }), 'UNAUTHENTICATED', 401);
    expect(locked.message).toMatch(/锁定/);
    await s.ok('clock.set', { now: at(4.9) });
    expectError(await s.call('auth.login', { username: 'clerk', pin: demoPins.clerk }), 'UNAUTHENTICATED', 401);
    await s.ok('clock.set', { now: at(5) });
    expect((await s.ok('auth.login', { username: 'clerk', pin: demoPins.clerk })).user.username).toBe('clerk');
  });

  it('an admin can lift a lock by resetting the PIN', async () => {
    await s.ok('clock.set', { now: at(10) });
    for (let i = 0; i < 5; i++) expectError(await s.call('auth.login', { username: 'review', pin: '000000' }), 'UNAUTHENTICATED', 401);
    const users = (await s.ok('users.list', {}, admin)).items as { id: number; username: string; locked: boolean }[];
    const review = users.find((u) => u.username === 'review')!;
    expect(review.locked).toBe(true);
    await s.ok('users.resetPin', { id: review.id, pin: '246801' }, admin);
    expect((await s.ok('auth.login', { username: 'review', pin: '246801' })).user.username).toBe('review');
  });
});

describe('sessions over HTTP', () => {
  it('a session works until 12 hours after sign-in, then is UNAUTHENTICATED', async () => {
    await s.ok('clock.set', { now: at(20) });
    const token = await s.login('shop');
    await s.ok('clock.set', { now: at(20 + 12 * 60 - 1) });
    await s.ok('auth.me', {}, token);
    await s.ok('clock.set', { now: at(20 + 12 * 60) });
    expectError(await s.call('auth.me', {}, token), 'UNAUTHENTICATED', 401);
    await s.ok('clock.set', { now: at(0) });
  });

  it('auth.logout ends the session', async () => {
    const token = await s.login('shop');
    await s.ok('auth.logout', {}, token);
    expectError(await s.call('auth.me', {}, token), 'UNAUTHENTICATED', 401);
  });
});

describe('roles over HTTP', () => {
  it('a new viewer account reads but is 403 for every write it tries', async () => {
    await s.ok('clock.set', { now: at(30) });
    await s.ok('users.create', { username: 'town1', name: '镇干部', pin: '135246', roles: ['viewer'] }, admin);
    const viewer = (await s.ok('auth.login', { username: 'town1', pin: '135246' })).token as string;
    const shop = await s.login('shop');
    const h = await householdByCard(s, shop, '66010001');
    await s.ok('households.get', { id: h }, viewer);
    const forbidden: [string, unknown][] = [
      ['redemptions.create', { householdId: h, lines: [{ itemId: 1, qty: 1 }], requestId: newRequestId() }],
      ['redemptions.void', { id: 1, reason: 'x', supervisorUsername: 'admin', supervisorPin: demoPins.admin }],
      ['points.review', { entryIds: [1], decision: 'approve' }],
      ['users.create', { username: 'x1', name: 'x', pin: '123456', roles: ['admin'] }],
      ['calendar.set', { mode: 'any' }],
      ['audit.list', {}],
      ['backup.restore', { file: 'points-20260101-000000-auto.db' }],
    ];
    for (const [m, p] of forbidden) expectError(await s.call(m, p, viewer), 'FORBIDDEN', 403);
  });

  it('a role change applies to the open session at once', async () => {
    const list = (await s.ok('users.list', {}, admin)).items as { id: number; username: string }[];
    const town = list.find((u) => u.username === 'town1')!;
    const viewer = (await s.ok('auth.login', { username: 'town1', pin: '135246' })).token as string;
    expectError(await s.call('households.create', { headName: '新户' }, viewer), 'FORBIDDEN', 403);
    await s.ok('users.update', { id: town.id, roles: ['clerk'] }, admin);
    await s.ok('households.create', { headName: '新户' }, viewer);
    await s.ok('users.update', { id: town.id, active: false }, admin);
    expectError(await s.call('auth.me', {}, viewer), 'UNAUTHENTICATED', 401);
  });
});

describe('audit log over HTTP', () => {
  it('overrides and voids name the supervisor whose PIN authorised them; nothing shows a PIN', async () => {
    await s.ok('clock.set', { now: at(40) });
    const shop = await s.login('shop');
    const items = await catalog(s, shop);
    const h = await householdByCard(s, shop, '66010001');
    const soap = items.items.find((i) => i.kind === 'goods' && (i.stock ?? 0) > 0 && (i.points ?? 0) <= 10)!;
    const calendar = await s.ok('calendar.get', {}, shop);
    await s.ok('calendar.set', { mode: 'dates', dates: [] }, admin);
    const r = await s.ok(
      'redemptions.create',
      {
        householdId: h,
        lines: [{ itemId: soap.id, qty: 1 }],
        requestId: newRequestId(),
        override: { supervisorUsername: 'admin', supervisorPin: demoPins.admin, reason: '老人行动不便' },
      },
      shop,
    );
    await s.ok('calendar.set', calendar.mode === 'dates' ? { mode: 'dates', dates: calendar.dates } : { mode: 'any' }, admin);
    await s.ok('redemptions.void', { id: r.id, reason: '扫错', supervisorUsername: 'admin', supervisorPin: demoPins.admin }, shop);

    const audit = (await s.ok('audit.list', { from: '2026-03-16', to: '2026-03-16' }, admin)).items as { method: string; summary: string; userId: number }[];
    const override = audit.find((a) => a.method === 'redemptions.create' && a.summary.includes(r.receiptNo))!;
    expect(override.summary).toMatch(/主管授权 supervisor: .+ \(admin #\d+\)/);
    expect(override.summary).toContain('老人行动不便');
    const voided = audit.find((a) => a.method === 'redemptions.void' && a.summary.includes(r.receiptNo))!;
    expect(voided.summary).toMatch(/主管授权 supervisor: .+ \(admin #\d+\)/);
    const me = (await s.ok('auth.me', {}, shop)).user;
    expect(voided.userId).toBe(me.id);
    expect(JSON.stringify(audit)).not.toContain(demoPins.admin);

    const byShop = (await s.ok('audit.list', { userId: me.id }, admin)).items as { userId: number }[];
    expect(byShop.length).toBeGreaterThanOrEqual(2);
    expect(byShop.every((a) => a.userId === me.id)).toBe(true);
    expectError(await s.call('audit.list', { from: '2026-03-17', to: '2026-03-16' }, admin), 'INVALID_INPUT', 400);
  });

  it('exports as CSV and Excel', async () => {
    const csv = await s.ok('audit.export', { format: 'csv', from: '2026-03-16', to: '2026-03-16' }, admin);
    expect(csv.fileName).toMatch(/\.csv$/);
    expect(csv.csv.startsWith('\uFEFF"时间"')).toBe(true);
    expect(csv.csv).toContain('redemptions.void');
    const xlsx = await s.ok('audit.export', {}, admin);
    expect(Buffer.from(xlsx.xlsxBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});

describe('backups over HTTP', () => {
  it('restore swaps the live database and the server keeps serving', async () => {
    await s.ok('clock.set', { now: at(50) });
    const shop = await s.login('shop');
    const items = await catalog(s, shop);
    const h = await householdByCard(s, shop, '66010001');
    const soap = items.items.find((i) => i.kind === 'goods' && (i.stock ?? 0) > 0 && (i.points ?? 0) <= 10)!;
    const first = await s.ok('redemptions.create', { householdId: h, lines: [{ itemId: soap.id, qty: 1 }], requestId: newRequestId() }, shop);
    const backup = await s.ok('backup.now', {}, admin);
    const second = await s.ok('redemptions.create', { householdId: h, lines: [{ itemId: soap.id, qty: 1 }], requestId: newRequestId() }, shop);
    const restored = await s.ok('backup.restore', { file: backup.file }, admin);
    expect(restored.safetyBackup).toMatch(/pre-restore\.db$/);
    const list = (await s.ok('redemptions.list', { limit: 500 }, shop)).items as { receiptNo: string }[];
    expect(list.map((x) => x.receiptNo)).toContain(first.receiptNo);
    expect(list.map((x) => x.receiptNo)).not.toContain(second.receiptNo);
    // Still writable, and the next number follows the backup's last one.
    const third = await s.ok('redemptions.create', { householdId: h, lines: [{ itemId: soap.id, qty: 1 }], requestId: newRequestId() }, shop);
    expect(third.receiptNo).toBe(second.receiptNo);
    const files = (await s.ok('backup.list', {}, admin)).items.map((b: { file: string }) => b.file);
    expect(files).toEqual(expect.arrayContaining([backup.file, restored.safetyBackup]));
  });
});
