import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { expectError, expectOk, freshVillage, goods, householdWithPoints, redeem, T0, type Village } from '../../test-support.js';
import { backupDir, dailyBackupIfDue } from './backup.js';

let v: Village;
afterEach(() => {
  // After a restore the dispatcher holds a new connection; the village only knows the first one.
  if (v && v.d.deps.db !== v.db && v.d.deps.db.open) v.d.deps.db.close();
  v?.close();
});

const receipts = (db: Database.Database) =>
  (db.prepare('SELECT receipt_no FROM redemptions ORDER BY id').all() as { receipt_no: string }[]).map((r) => r.receipt_no);

describe('backup.now / backup.list', () => {
  it('writes a consistent copy into <dataDir>/backups and lists it, newest first, with an audit row', async () => {
    v = await freshVillage();
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    const made = expectOk(await v.call('admin', 'backup.now', {}));
    expect(made).toMatchObject({ file: 'points-20260315-100000-manual.db', kind: 'manual', date: '2026-03-15', takenAt: '2026-03-15 10:00:00' });
    expect(made.bytes).toBeGreaterThan(0);
    const second = expectOk(await v.call('admin', 'backup.now', {}));
    expect(second.file).toBe('points-20260315-100000-1-manual.db');
    const list = expectOk(await v.call('admin', 'backup.list', {}));
    expect(list).toMatchObject({ dir: join(v.dir, 'backups'), keep: 14 });
    expect(list.items.map((i: { file: string }) => i.file)).toEqual([second.file, made.file]);
    const copy = new Database(join(v.dir, 'backups', made.file), { readonly: true });
    expect(receipts(copy)).toEqual(['C01-2026-000001']);
    copy.close();
    expect(v.db.prepare("SELECT user_id, summary FROM audit WHERE method = 'backup.now' ORDER BY id").all()).toEqual([
      { user_id: v.ids.admin, summary: expect.stringContaining(made.file) },
      { user_id: v.ids.admin, summary: expect.stringContaining(second.file) },
    ]);
  });

  it('keeps the last N of each kind (backup.configure)', async () => {
    v = await freshVillage();
    expectOk(await v.call('admin', 'backup.configure', { keep: 2 }));
    for (let i = 0; i < 4; i++) expectOk(await v.call('admin', 'backup.now', {}));
    expect(expectOk(await v.call('admin', 'backup.list', {})).items.map((i: { file: string }) => i.file)).toEqual([
      'points-20260315-100000-3-manual.db',
      'points-20260315-100000-2-manual.db',
    ]);
    expectError(await v.call('admin', 'backup.configure', { keep: 0 }), 'INVALID_INPUT');
  });

  it('a daily backup is taken once per village date', async () => {
    v = await freshVillage();
    expect((await dailyBackupIfDue(v.d.deps, T0))?.file).toBe('points-20260315-100000-auto.db');
    expect(await dailyBackupIfDue(v.d.deps, new Date(T0.getTime() + 3_600_000))).toBeNull();
    // 16:30 UTC is already the next day in the village.
    expect((await dailyBackupIfDue(v.d.deps, new Date('2026-03-15T16:30:00Z')))?.file).toBe('points-20260316-003000-auto.db');
  });
});

describe('backup.restore', () => {
  it('brings back what the backup held and replaces later writes; a safety copy of those is kept', async () => {
    v = await freshVillage();
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10, stock: 10 });
    const first = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    const backup = expectOk(await v.call('admin', 'backup.now', {}));
    const later = await redeem(v, h.id, [{ itemId: soap.id, qty: 2 }]);
    expect(receipts(v.db)).toEqual([first.receiptNo, later.receiptNo]);

    const r = expectOk(await v.call('admin', 'backup.restore', { file: backup.file }));
    expect(r).toMatchObject({ restoredFrom: backup.file, safetyBackup: 'points-20260315-100000-1-pre-restore.db' });
    expect(v.db.open).toBe(false);
    const db = v.d.deps.db;
    expect(receipts(db)).toEqual([first.receiptNo]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    // The live app keeps working on the restored data: same admin session, stock and points as backed up.
    expect(expectOk(await v.call('shop', 'households.get', { id: h.id })).account).toMatchObject({ redeemed: 10, available: 90 });
    expect((db.prepare('SELECT qty FROM stock_levels WHERE item_id = ?').get(soap.id) as { qty: number }).qty).toBe(9);
    const again = await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    expect(again.receiptNo).toBe('C01-2026-000002');

    const safety = new Database(join(backupDir(v.d.deps), r.safetyBackup), { readonly: true });
    expect(receipts(safety)).toEqual([first.receiptNo, later.receiptNo]);
    safety.close();
    const audit = db.prepare("SELECT user_id, summary FROM audit WHERE method = 'backup.restore'").get() as { user_id: number; summary: string };
    expect(audit.user_id).toBe(v.ids.admin);
    expect(audit.summary).toContain(backup.file);
    expect(audit.summary).toContain(r.safetyBackup);
  });

  it('sessions ended since the backup stay ended', async () => {
    v = await freshVillage();
    const backup = expectOk(await v.call('admin', 'backup.now', {}));
    expectOk(await v.call('clerk', 'auth.logout', {}));
    expectOk(await v.call('admin', 'backup.restore', { file: backup.file }));
    expectError(await v.call('clerk', 'auth.me', {}), 'UNAUTHENTICATED');
    expectOk(await v.call('shop', 'auth.me', {}));
  });

  it('refuses a corrupt file, a foreign migration history, names outside the folder and unknown files; the live data stays', async () => {
    v = await freshVillage();
    const h = await householdWithPoints(v, 100);
    const soap = await goods(v, { points: 10 });
    await redeem(v, h.id, [{ itemId: soap.id, qty: 1 }]);
    const good = expectOk(await v.call('admin', 'backup.now', {}));
    const dir = backupDir(v.d.deps);

    writeFileSync(join(dir, 'points-20260101-000000-manual.db'), 'this is not a database'.repeat(100));
    expectError(await v.call('admin', 'backup.restore', { file: 'points-20260101-000000-manual.db' }), 'INVALID_INPUT');

    const tampered = 'points-20260102-000000-manual.db';
    const t = new Database(join(dir, good.file));
    t.exec(`VACUUM INTO '${join(dir, tampered)}'`);
    t.close();
    const t2 = new Database(join(dir, tampered));
    t2.prepare("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1").run();
    t2.close();
    const err = expectError(await v.call('admin', 'backup.restore', { file: tampered }), 'INVALID_INPUT');
    expect(err.message).toContain('迁移');

    for (const file of ['../points.db', '/etc/passwd', 'points.db', `${good.file}/../x`]) {
      expectError(await v.call('admin', 'backup.restore', { file }), 'INVALID_INPUT');
    }
    expectError(await v.call('admin', 'backup.restore', { file: 'points-20250101-000000-auto.db' }), 'NOT_FOUND');

    expect(v.d.deps.db).toBe(v.db);
    expect(v.db.open).toBe(true);
    expect(receipts(v.db)).toEqual(['C01-2026-000001']);
    expect(readdirSync(dir).filter((f) => f.includes('pre-restore'))).toEqual([]);
    expect(existsSync(join(v.dir, '.restore-candidate.db'))).toBe(false);
  });

  it('only admins back up and restore', async () => {
    v = await freshVillage();
    for (const who of ['shop', 'clerk', 'review', 'barber', 'viewer'] as const) {
      for (const [m, p] of [
        ['backup.now', {}],
        ['backup.list', {}],
        ['backup.restore', { file: 'points-20260101-000000-auto.db' }],
        ['backup.configure', { keep: 3 }],
      ] as const) {
        expectError(await v.call(who, m, p), 'FORBIDDEN');
      }
    }
  });
});
