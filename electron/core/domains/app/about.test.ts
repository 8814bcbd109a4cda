import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { UpdateRuntime, UpdateStatus } from '../../context.js';
import { expectError, expectOk, freshVillage, type Village } from '../../test-support.js';
import { appVersion } from '../../../server/version.js';

let v: Village;
afterEach(() => v?.close());

const idle: UpdateStatus = {
  feedUrl: 'http://192.168.1.10:5180/updates/',
  noFeedReason: null,
  state: 'idle',
  current: '0.1.0',
  latest: null,
  percent: null,
  error: null,
  checkedAt: null,
};

/** Stands in for the shell's electron-updater runtime: it records what the handlers asked of it. */
function fakeUpdates(found: Partial<UpdateStatus>) {
  const calls: string[] = [];
  let status = idle;
  const runtime: UpdateRuntime = {
    status: () => status,
    check: async () => (calls.push('check'), (status = { ...status, ...found, checkedAt: '2026-03-15T02:00:00.000Z' })),
    install: async () => (calls.push('install'), (status = { ...status, state: 'ready', percent: 100 })),
  };
  return { runtime, calls };
}

describe('app.about', () => {
  it('tells every signed-in user the version, role, runtime and database size; only admins the paths', async () => {
    v = await freshVillage();
    const admin = expectOk(await v.call('admin', 'app.about', {}));
    expect(admin).toEqual({
      version: appVersion,
      role: 'all',
      runtime: { node: process.versions.node, electron: null, chrome: null },
      databaseBytes: expect.any(Number),
      paths: { dataDir: v.dir, backupsDir: join(v.dir, 'backups'), logsDir: join(v.dir, 'logs'), updatesDir: join(v.dir, 'updates') },
      updates: null,
    });
    expect(admin.databaseBytes).toBeGreaterThanOrEqual(statSync(v.file).size);
    for (const who of ['shop', 'clerk', 'review', 'barber', 'viewer'] as const) {
      const other = expectOk(await v.call(who, 'app.about'));
      expect([who, other.paths, other.version]).toEqual([who, null, appVersion]);
    }
    expectError(await v.call(null, 'app.about', {}), 'UNAUTHENTICATED');
    expectError(await v.call('admin', 'app.about', { paths: true }), 'INVALID_INPUT');
  });

  it('a counter has no update folder of its own, and shows its updater', async () => {
    v = await freshVillage();
    v.d.deps.role = 'counter';
    v.d.deps.updates = fakeUpdates({}).runtime;
    const about = expectOk(await v.call('admin', 'app.about', {}));
    expect(about.role).toBe('counter');
    expect(about.paths.updatesDir).toBeNull();
    expect(about.updates).toEqual(idle);
  });
});

describe('app.checkUpdate / app.installUpdate', () => {
  it('are refused where there is no desktop updater (headless server, browser mode)', async () => {
    v = await freshVillage();
    expect(expectError(await v.call('admin', 'app.checkUpdate', {}), 'CONFLICT').reason).toBe('no_updater');
    expect(expectError(await v.call('admin', 'app.installUpdate', {}), 'CONFLICT').reason).toBe('no_updater');
  });

  it('are for admins only', async () => {
    v = await freshVillage();
    const { runtime, calls } = fakeUpdates({ state: 'available', latest: '0.2.0' });
    v.d.deps.updates = runtime;
    for (const who of ['shop', 'clerk', 'review', 'barber', 'viewer'] as const) {
      expectError(await v.call(who, 'app.checkUpdate', {}), 'FORBIDDEN');
      expectError(await v.call(who, 'app.installUpdate', {}), 'FORBIDDEN');
    }
    expect(calls).toEqual([]);
  });

  it('install only after a check found a version, with an audit row naming it', async () => {
    v = await freshVillage();
    const { runtime, calls } = fakeUpdates({ state: 'available', latest: '0.2.0' });
    v.d.deps.updates = runtime;
    expect(expectError(await v.call('admin', 'app.installUpdate', {}), 'CONFLICT').reason).toBe('no_update');
    expect(calls).toEqual([]);
    expect(expectOk(await v.call('admin', 'app.checkUpdate', {}))).toMatchObject({ state: 'available', latest: '0.2.0' });
    expect(expectOk(await v.call('admin', 'app.installUpdate', {}))).toMatchObject({ state: 'ready' });
    expect(calls).toEqual(['check', 'install']);
    expect(v.db.prepare("SELECT user_id, summary FROM audit WHERE method = 'app.installUpdate'").all()).toEqual([
      { user_id: v.ids.admin, summary: '更新 0.1.0 → 0.2.0' },
    ]);
  });

  it('a check that finds nothing leaves nothing to install', async () => {
    v = await freshVillage();
    const { runtime } = fakeUpdates({ state: 'none' });
    v.d.deps.updates = runtime;
    expect(expectOk(await v.call('admin', 'app.checkUpdate', {})).state).toBe('none');
    expectError(await v.call('admin', 'app.installUpdate', {}), 'CONFLICT');
    expect(v.db.prepare("SELECT COUNT(*) AS n FROM audit WHERE method = 'app.installUpdate'").get()).toEqual({ n: 0 });
  });
});
