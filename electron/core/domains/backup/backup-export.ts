import { createHash } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoreDeps, SessionUser } from '../../context.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../audit.js';
import { allows } from '../../roles.js';
import { resolveSession } from '../auth/sessions.js';
import { backupDir } from './backup.js';
import { parseBackupName } from './backup-files.js';

/**
 * Taking a backup off the machine: a download in a browser, a copy to a USB stick in the desktop app.
 * Neither goes through the dispatcher (one streams a file, the other needs a folder the main process
 * asks for), so the admin check and the audit row are made here, for both the same.
 */
export interface ExportableBackup {
  me: SessionUser;
  file: string;
  path: string;
  bytes: number;
}

/** A backup holds every household's data: only a signed-in admin takes one away. */
export function authorizeBackupExport(deps: CoreDeps, token: string | undefined, file: string, method: string): ExportableBackup {
  const me = resolveSession(deps.db, token, deps.clock.now());
  if (!allows(['admin'], me.roles))
    throw new AppError('FORBIDDEN', '当前用户无权执行此操作 (your role does not allow this)', { reason: 'role_not_allowed', method });
  // Only names this app wrote: no path, no "..", nothing else in or outside the folder.
  if (!parseBackupName(file)) throw new AppError('INVALID_INPUT', '不是本程序的备份文件名 (not a backup file name)', { reason: 'not_backup_name', file });
  const path = join(backupDir(deps), file);
  if (!existsSync(path)) throw new AppError('NOT_FOUND', `备份 ${file} 不存在 (no such backup)`, { reason: 'unknown_backup', file });
  return { me, file, path, bytes: statSync(path).size };
}

export function auditBackupExport(deps: CoreDeps, b: ExportableBackup, method: string, summary: string): void {
  writeAudit(deps.db, deps.clock.now().toISOString(), b.me.id, method, summary);
}

export function sha256File(path: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}

export interface CopiedBackup {
  file: string;
  dir: string;
  bytes: number;
  sha256: string;
}

/**
 * Copies under a temporary name, reads the copy back and compares size and SHA-256 with the
 * original before giving it the backup's name: a stick pulled out mid-copy, or one that lies about
 * what it wrote, leaves no file that looks like a good backup.
 */
export async function copyBackupTo(deps: CoreDeps, token: string | undefined, file: string, dir: string): Promise<CopiedBackup> {
  const method = 'backup.copyTo';
  const b = authorizeBackupExport(deps, token, file, method);
  const dest = join(dir, file);
  const part = `${dest}.part`;
  const failed = (why: string) => new AppError('CONFLICT', `备份没有复制成功 (${why})`, { reason: 'backup_copy_failed', file, dir });
  try {
    const want = await sha256File(b.path);
    await copyFile(b.path, part);
    const [size, got] = [(await stat(part)).size, await sha256File(part)];
    if (size !== b.bytes || got !== want) throw failed('the copy differs from the backup');
    await rename(part, dest);
    auditBackupExport(deps, b, method, `复制备份 ${file} 到 ${dir} (${b.bytes} 字节, sha256 ${want.slice(0, 16)})`);
    return { file, dir, bytes: b.bytes, sha256: want };
  } catch (e) {
    await rm(part, { force: true }).catch(() => undefined);
    if (e instanceof AppError) throw e;
    throw failed(e instanceof Error ? e.message : String(e));
  }
}
