import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer, stopProcess } from '../support/server-process.js';
import { expectError, startServer, type TestServer } from './server.js';

const village = { name: '红星村', code: '110101001001', town: '东华门街道', county: '东城区' };
const admin = { name: '王主任', username: 'wang', pin: '918273' };

/** Rows the first run would write; a refused setup.complete leaves all of them as they were. */
function rows(dataDir: string) {
  const db = new Database(join(dataDir, 'points.db'), { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      users: n('SELECT COUNT(*) AS n FROM users'),
      audit: n('SELECT COUNT(*) AS n FROM audit'),
      settings: db.prepare("SELECT key, value FROM settings WHERE key NOT LIKE 'sync.%' ORDER BY key").all(),
    };
  } finally {
    db.close();
  }
}

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });

describe('a fresh data folder without --demo', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ demo: false });
  });
  afterAll(() => s.stop());

  it('needs the first-run setup and refuses everything else, admin/123456 included', async () => {
    expect(await s.ok('setup.status', {})).toMatchObject({
      needed: true,
      role: 'all',
      roleFixed: false,
      usersReady: false,
      steps: ['role', 'village', 'admin', 'printer', 'calendar', 'done'],
    });
    expect(((await (await fetch(`${s.url}/api/health`)).json()) as any).result.ok).toBe(true);
    for (const [method, params] of [
      ['auth.login', { username: 'admin', pin: '123456' }],
      ['auth.me', {}],
      ['households.search', { q: '张' }],
      ['calendar.get', {}],
      ['machine.get', {}],
    ] as const) {
      const e = expectError(await s.call(method, params), 'UNAUTHENTICATED', 401);
      expect(e.reason).toBe('setup_needed');
      expect(e.details).toBeUndefined();
    }
  });

  it('refuses bad input with INVALID_INPUT and writes nothing', async () => {
    const before = rows(s.dataDir);
    const bad: [string, unknown][] = [
      ['11-digit code', { role: 'all', village: { ...village, code: '11010100100' }, admin }],
      ['unknown province', { role: 'all', village: { ...village, code: '990101001001' }, admin }],
      ['a town code', { role: 'all', village: { ...village, code: '110101001000' }, admin }],
      ['short PIN', { role: 'all', village, admin: { ...admin, pin: '91827' } }],
      ['repeated PIN', { role: 'office', village, admin: { ...admin, pin: '888888' } }],
      ['sequence PIN', { role: 'office', village, admin: { ...admin, pin: '123456' } }],
      ['no village', { role: 'all', admin }],
      ['empty town', { role: 'all', village: { ...village, town: ' ' }, admin }],
      ['unknown role', { role: 'boss', village, admin }],
      ['a counter without its office', { role: 'counter' }],
      ['a counter with a malformed code', { role: 'counter', office: { url: 'http://127.0.0.1:1', code: '12' } }],
    ];
    for (const [what, params] of bad) {
      const e = expectError(await s.call('setup.complete', params), 'INVALID_INPUT', 400);
      expect(e.message, what).toBeTruthy();
    }
    const short = expectError(await s.call('setup.complete', { role: 'all', village, admin: { ...admin, pin: '91827' } }), 'INVALID_INPUT', 400);
    expect(JSON.stringify(short.details)).toContain('admin.pin');
    expect(rows(s.dataDir)).toEqual(before);
    expect((await s.ok('setup.status', {})).needed).toBe(true);
  });

  it('a counter whose office cannot be reached stays unset-up', async () => {
    const before = rows(s.dataDir);
    const e = expectError(
      await s.call('setup.complete', { role: 'counter', office: { url: `http://127.0.0.1:${await freePort()}`, code: 'K7QM-3XPA' } }),
      'OFFICE_UNREACHABLE',
      503,
    );
    expect(e.message).toContain('村委会');
    expect(rows(s.dataDir)).toEqual(before);
    expect(await s.ok('setup.status', {})).toMatchObject({ needed: true, role: 'all' });
  });

  it('sets up the village and its admin in one audited step, signs the admin in, then refuses a second setup', async () => {
    const r = await s.ok('setup.complete', { role: 'all', village, admin, calendar: { mode: 'monthly', day: 15 } });
    expect(r.user).toMatchObject({ username: 'wang', name: '王主任', roles: ['admin'] });
    const me = await s.ok('auth.me', {}, r.token);
    expect(me.village).toMatchObject({ name: '红星村', code: '110101001001', town: '东华门街道', county: '东城区' });
    expect(await s.ok('calendar.get', {}, r.token)).toMatchObject({ mode: 'monthly', day: 15 });
    const audit = (await s.ok('audit.list', {}, r.token)).items as { method: string; summary: string; userName: string }[];
    expect(audit.find((a) => a.method === 'setup.complete')?.summary).toContain('单机');
    expect(audit.find((a) => a.method === 'setup.complete')?.summary).toContain('110101001001');
    expect(await s.ok('setup.status', {})).toMatchObject({ needed: false, role: 'all' });

    const again = expectError(await s.call('setup.complete', { role: 'all', village, admin: { ...admin, username: 'li' } }), 'CONFLICT', 409);
    expect(again.reason).toBe('already_set_up');
    expectError(await s.call('auth.login', { username: 'admin', pin: '123456' }), 'UNAUTHENTICATED', 401);
    expect((await s.ok('auth.login', { username: 'wang', pin: '918273' })).user.username).toBe('wang');
    expect(rows(s.dataDir).users).toBe(1);
  });

  it('listens on the LAN only once an admin turns it on, on the chosen address and port; audited', async () => {
    const token = (await s.ok('auth.login', { username: 'wang', pin: '918273' })).token;
    const m = await s.ok('machine.get', {}, token);
    expect(m).toMatchObject({ role: 'all', roleFixed: null, lan: { enabled: false }, lanStatus: { listening: false } });
    expect(m.interfaces.some((i: { address: string }) => i.address === '127.0.0.1')).toBe(true);
    expect((await s.ok('machine.interfaces', {}, token)).items).toEqual(m.interfaces);

    expectError(await s.call('machine.setLan', { enabled: true, host: '10.255.255.254', port: 5180 }, token), 'INVALID_INPUT', 400);
    expectError(await s.call('machine.setLan', { enabled: true, host: '127.0.0.1', port: 80 }, token), 'INVALID_INPUT', 400);
    const port = await freePort();
    const on = await s.ok('machine.setLan', { enabled: true, host: '127.0.0.1', port }, token);
    expect(on).toMatchObject({ lan: { enabled: true, host: '127.0.0.1', port }, lanUrl: `http://127.0.0.1:${port}`, lanStatus: { listening: true } });
    const viaLan = await fetch(`http://127.0.0.1:${port}/api/auth.me`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(((await viaLan.json()) as any).result.user.username).toBe('wang');

    // A port in use is refused and changes nothing.
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((ok) => busy.once('listening', ok));
    const busyPort = (busy.address() as { port: number }).port;
    try {
      const e = expectError(await s.call('machine.setLan', { enabled: true, host: '127.0.0.1', port: busyPort }, token), 'CONFLICT', 409);
      expect(e.reason).toBe('lan_bind_failed');
      expect((await s.ok('machine.get', {}, token)).lan.port).toBe(port);
    } finally {
      busy.close();
    }

    await s.ok('machine.setLan', { enabled: false, host: '127.0.0.1', port }, token);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
    const audit = (await s.ok('audit.list', { method: 'machine.setLan' }, token)).items as { summary: string }[];
    expect(audit.map((a) => a.summary)).toEqual(['局域网访问：关闭', `局域网访问：开启 http://127.0.0.1:${port}`]);
  });

  it('changes the role at run time; a machine with history cannot become a counter', async () => {
    const token = (await s.ok('auth.login', { username: 'wang', pin: '918273' })).token;
    expectError(await s.call('sync.pairingCode', {}, token), 'FORBIDDEN', 403);
    expect((await s.ok('machine.setRole', { role: 'office' }, token)).role).toBe('office');
    expect((await s.ok('sync.status', {}, token)).role).toBe('office');
    expect((await s.ok('sync.pairingCode', {}, token)).code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await s.ok('households.create', { headName: '张三' }, token);
    const e = expectError(await s.call('machine.setRole', { role: 'counter' }, token), 'CONFLICT', 409);
    expect(e.reason).toBe('has_history');
    expect((await s.ok('audit.list', { method: 'machine.setRole' }, token)).items[0].summary).toBe('本机角色：单机 → 村委会');
  });
});

describe('the stored role', () => {
  it('is the role the server runs after a restart; --role still overrides it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pts-role-'));
    try {
      let srv = await spawnServer({ dataDir });
      const post = async (method: string, params: unknown, token?: string) =>
        (
          (await (
            await fetch(`${srv.url}/api/${method}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
              body: JSON.stringify(params),
            })
          ).json()) as any
        ).result;
      await post('setup.complete', { role: 'office', village, admin });
      await stopProcess(srv.proc);
      srv = await spawnServer({ dataDir });
      let token = (await post('auth.login', { username: 'wang', pin: '918273' })).token;
      expect(await post('machine.get', {}, token)).toMatchObject({ role: 'office', roleFixed: null });
      await stopProcess(srv.proc);
      srv = await spawnServer({ dataDir, role: 'all' });
      token = (await post('auth.login', { username: 'wang', pin: '918273' })).token;
      expect(await post('machine.get', {}, token)).toMatchObject({ role: 'all', roleFixed: 'all' });
      const refused = (await (
        await fetch(`${srv.url}/api/machine.setRole`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: `{"role":"office"}`,
        })
      ).json()) as any;
      expect(refused.error).toMatchObject({ code: 'CONFLICT', reason: 'role_fixed' });
      await stopProcess(srv.proc);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
