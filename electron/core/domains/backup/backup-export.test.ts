import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectOk, freshVillage, type Village } from '../../test-support.js';
import { AppError } from '../../errors.js';
import { copyBackupWithDialog } from '../../../shell/backup-copy.js';
import { authorizeBackupExport, copyBackupTo } from './backup-export.js';

let v: Village;
let usb: string;
afterEach(() => {
  v?.close();
  if (usb) rmSync(usb, { recursive: true, force: true });
});

async function withBackup() {
  v = await freshVillage();
  usb = mkdtempSync(join(tmpdir(), 'pts-usb-'));
  return expectOk(await v.call('admin', 'backup.now', {})) as { file: string; bytes: number };
}
const audit = (method: string) => v.db.prepare('SELECT user_id, summary FROM audit WHERE method = ? ORDER BY id').all(method);
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? { code: e.code, reason: e.toBody().reason } : e;
  }
  return null;
};

describe('taking a backup off the machine', () => {
  it('is for a signed-in admin only, and only for a backup this app wrote', async () => {
    const b = await withBackup();
    expect(authorizeBackupExport(v.d.deps, v.tokens.admin, b.file, 'backup.download')).toMatchObject({ file: b.file, bytes: b.bytes });
    expect(refusal(() => authorizeBackupExport(v.d.deps, v.tokens.shop, b.file, 'backup.download'))).toEqual({ code: 'FORBIDDEN', reason: 'role_not_allowed' });
    expect(refusal(() => authorizeBackupExport(v.d.deps, undefined, b.file, 'backup.download'))).toEqual({ code: 'UNAUTHENTICATED', reason: 'not_signed_in' });
    expect(refusal(() => authorizeBackupExport(v.d.deps, v.tokens.admin, '../points.db', 'backup.download'))).toEqual({
      code: 'INVALID_INPUT',
      reason: 'not_backup_name',
    });
    expect(refusal(() => authorizeBackupExport(v.d.deps, v.tokens.admin, 'points-20200101-000000-auto.db', 'backup.download'))).toEqual({
      code: 'NOT_FOUND',
      reason: 'unknown_backup',
    });
  });

  it('copies to the chosen folder byte for byte, leaves no temporary file, and audits who and where', async () => {
    const b = await withBackup();
    const copied = await copyBackupTo(v.d.deps, v.tokens.admin, b.file, usb);
    expect(copied).toMatchObject({ file: b.file, dir: usb, bytes: b.bytes });
    expect(readFileSync(join(usb, b.file))).toEqual(readFileSync(join(v.dir, 'backups', b.file)));
    expect(readdirSync(usb)).toEqual([b.file]);
    expect(audit('backup.copyTo')).toEqual([{ user_id: v.ids.admin, summary: expect.stringContaining(`${b.file} 到 ${usb}`) }]);
  });

  it('a failed copy is refused with its reason, leaves nothing behind and is not audited', async () => {
    const b = await withBackup();
    const notAFolder = join(usb, 'file');
    writeFileSync(notAFolder, 'x');
    const failed = await copyBackupTo(v.d.deps, v.tokens.admin, b.file, notAFolder).catch((e: AppError) => e.toBody());
    expect(failed).toMatchObject({ code: 'CONFLICT', reason: 'backup_copy_failed', details: { file: b.file } });
    expect(readdirSync(usb)).toEqual(['file']);
    expect(audit('backup.copyTo')).toEqual([]);
  });
});

describe('backup.copyTo through the shell', () => {
  it('asks for a folder only once the caller may copy, and copies there', async () => {
    const b = await withBackup();
    let asked = 0;
    const choose = async () => (asked++, usb);
    expect(await copyBackupWithDialog(v.d.deps, v.tokens.shop, { file: b.file }, choose)).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await copyBackupWithDialog(v.d.deps, v.tokens.admin, { file: b.file, dir: '/tmp' }, choose)).toMatchObject({ error: { code: 'INVALID_INPUT' } });
    expect(asked).toBe(0);
    expect(await copyBackupWithDialog(v.d.deps, v.tokens.admin, { file: b.file }, choose)).toMatchObject({ result: { copied: true, dir: usb } });
    expect(asked).toBe(1);
    expect(readdirSync(usb)).toEqual([b.file]);
  });

  it('a cancelled dialog copies nothing', async () => {
    const b = await withBackup();
    expect(await copyBackupWithDialog(v.d.deps, v.tokens.admin, { file: b.file }, async () => null)).toEqual({ result: { copied: false } });
    expect(readdirSync(usb)).toEqual([]);
    expect(audit('backup.copyTo')).toEqual([]);
  });
});
