import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type DB } from '../../../../db/connection.js';
import { checkMigrationHistory, MigrationHistoryError } from '../../../../db/migrate.js';
import type { CoreDeps, SessionUser } from '../../context.js';
import { AppError } from '../../errors.js';
import { writeAudit } from '../../audit.js';
import { defaultVillage, getSetting, putSetting } from '../../settings.js';
import { villageDate } from '../../rules/village-date.js';
import { villageDateTime } from '../../../print/village-time.js';
import { backupDate, backupFileName, backupsToPrune, dailyBackupDue, newestFirst, parseBackupName, type BackupKind } from './backup-files.js';

export interface BackupSettings {
  keep: number;
}
export const defaultBackupSettings: BackupSettings = { keep: 14 };
export const backupSettingKey = 'backup';

export const backupSettings = (db: DB): BackupSettings => ({ ...defaultBackupSettings, ...getSetting<Partial<BackupSettings>>(db, backupSettingKey, {}) });
export const saveBackupSettings = (db: DB, s: BackupSettings): void => putSetting(db, backupSettingKey, s);

/** <dataDir>/backups, beside the live database. */
export function backupDir(deps: CoreDeps): string {
  return join(deps.dataDir ?? dirname(deps.db.name), 'backups');
}

export interface BackupInfo {
  file: string;
  kind: BackupKind;
  date: string;
  takenAt: string;
  bytes: number;
}

// A backup in flight reads the live connection; a restore must not close it underneath.
const busy = new WeakMap<CoreDeps, string>();

function info(dir: string, file: string): BackupInfo {
  const b = parseBackupName(file)!;
  const s = b.stamp;
  return {
    file,
    kind: b.kind,
    date: backupDate(b),
    takenAt: `${backupDate(b)} ${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}`,
    bytes: statSync(join(dir, file)).size,
  };
}

export function listBackups(deps: CoreDeps): BackupInfo[] {
  const dir = backupDir(deps);
  if (!existsSync(dir)) return [];
  return newestFirst(readdirSync(dir)).map((b) => info(dir, b.file));
}

/** Past every backup of the same second, even pruned ones' successors, so the new file always sorts newest. */
function freshName(dir: string, now: Date, timeZone: string, kind: BackupKind): string {
  const stamp = villageDateTime(now, timeZone);
  const prefix = backupFileName(stamp, kind).slice(0, 'points-YYYYMMDD-HHMMSS'.length);
  const taken = readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .map(parseBackupName)
    .filter((b) => b !== null);
  const seq = taken.length ? Math.max(...taken.map((b) => Number(b.stamp.slice(-3)))) + 1 : 0;
  return backupFileName(stamp, kind, seq);
}

function prune(deps: CoreDeps, dir: string): void {
  for (const f of backupsToPrune(readdirSync(dir), backupSettings(deps.db).keep)) rmSync(join(dir, f), { force: true });
}

/**
 * SQLite's online backup API (better-sqlite3 db.backup): copies page by page between other work, so
 * the counter keeps serving while it runs. Written under a temporary name and renamed when whole, so
 * a power cut mid-copy never leaves a truncated file that looks like a backup.
 */
export async function takeBackup(deps: CoreDeps, kind: 'auto' | 'manual', now: Date): Promise<BackupInfo> {
  if (busy.has(deps)) throw new AppError('CONFLICT', '正在备份，请稍后 (a backup is already running)', { reason: 'backup_running' });
  const db = deps.db;
  const dir = backupDir(deps);
  mkdirSync(dir, { recursive: true });
  const file = freshName(dir, now, getSetting(db, 'village', defaultVillage).timeZone, kind);
  const partial = join(dir, `.${file}.partial`);
  busy.set(deps, file);
  try {
    await db.backup(partial);
    renameSync(partial, join(dir, file));
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    busy.delete(deps);
  }
  const made = info(dir, file);
  prune(deps, dir);
  return made;
}

/** The timer's job: one auto backup per village date, whenever the app is running that day. */
export async function dailyBackupIfDue(deps: CoreDeps, now: Date): Promise<BackupInfo | null> {
  if (busy.has(deps) || !deps.db.open) return null;
  const dir = backupDir(deps);
  const today = villageDate(now, getSetting(deps.db, 'village', defaultVillage).timeZone);
  if (existsSync(dir) && !dailyBackupDue(readdirSync(dir), today)) return null;
  return takeBackup(deps, 'auto', now);
}

const unusable = (file: string, why: string, problem: string, details?: Record<string, unknown>) =>
  new AppError('INVALID_INPUT', `备份文件 ${file} 不能使用：${why} (backup unusable)`, { reason: 'backup_unusable', file, problem, ...details });

/**
 * A candidate must pass SQLite's integrity_check, carry a migration history this app recognises
 * (a prefix of ours: older backups are migrated on open, newer or edited ones are refused), and
 * still have an active admin, or nobody could sign in to undo the restore.
 */
export function checkBackupFile(path: string, label: string): { migrations: number } {
  let probe: DB | undefined;
  try {
    probe = new Database(path, { fileMustExist: true });
    const ic = probe.pragma('integrity_check') as { integrity_check: string }[];
    if (ic.length !== 1 || ic[0].integrity_check !== 'ok')
      throw unusable(label, '完整性检查未通过 (integrity_check failed)', 'integrity_check', { checks: ic.slice(0, 10) });
    const hasHistory = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!hasHistory) throw unusable(label, '没有迁移记录 (no migration history)', 'no_migration_history');
    const history = checkMigrationHistory(probe);
    const admin = probe.prepare("SELECT 1 FROM users WHERE active = 1 AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin')").get();
    if (!admin) throw unusable(label, '没有启用的管理员 (no active admin)', 'no_active_admin');
    return { migrations: history.length };
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof MigrationHistoryError) throw unusable(label, '迁移记录与本程序不符 (migration history does not match)', 'migration_mismatch');
    throw unusable(label, `不是有效的数据库 (${(e as Error).message})`, 'not_a_database');
  } finally {
    probe?.close();
  }
}

export interface RestoreResult {
  restoredFrom: string;
  safetyBackup: string;
  migrations: number;
}

/**
 * Replaces the live database with a backup. Everything written after that backup is replaced; a
 * safety copy of the live database is taken first, so even that can be undone by restoring it.
 *
 * Synchronous from the first check to the reopen: no other call can run between closing the live
 * connection and handing the new one to deps.db, so nothing is written to a file about to be
 * replaced and nothing reads a closed connection.
 */
export function restoreBackup(deps: CoreDeps, file: string, by: SessionUser, now: Date): RestoreResult {
  if (!parseBackupName(file)) throw new AppError('INVALID_INPUT', '不是本程序的备份文件名 (not a backup file name)', { reason: 'not_backup_name', file });
  // A paired counter is a replica of the office: rolled back to a backup it would lose for good what it
  // did since (the office never sends a counter its own events back) and hand out its receipt numbers
  // again. A fresh install paired anew gets everything back from the office instead.
  if (deps.role === 'counter' && getSetting(deps.db, 'sync.link', null) !== null) {
    throw new AppError(
      'CONFLICT',
      '本机已与村委会配对，不能恢复备份：数据在村委会都有，请重新安装后配对，即可取回全部数据 (a paired counter is not restored: pair a fresh install)',
      { reason: 'paired_no_restore', file },
    );
  }
  const dir = backupDir(deps);
  const source = join(dir, file);
  if (!existsSync(source)) throw new AppError('NOT_FOUND', `备份 ${file} 不存在 (no such backup)`, { reason: 'unknown_backup', file });
  if (busy.has(deps)) throw new AppError('CONFLICT', '正在备份，请稍后再恢复 (a backup is running)', { reason: 'backup_running' });
  const live = deps.db;
  if (live.inTransaction) throw new AppError('CONFLICT', '有未完成的写入，请稍后 (a write is in progress)', { reason: 'write_in_progress' });
  const liveFile = live.name;
  const timeZone = getSetting(live, 'village', defaultVillage).timeZone;

  // Checked and swapped as the very same bytes: a copy in the data dir, renamed over the live file.
  const candidate = join(dirname(liveFile), '.restore-candidate.db');
  rmSync(candidate, { force: true });
  copyFileSync(source, candidate);
  let checked: { migrations: number };
  try {
    checked = checkBackupFile(candidate, file);
  } catch (e) {
    rmSync(candidate, { force: true });
    throw e;
  }
  for (const ext of ['-wal', '-shm', '-journal']) rmSync(candidate + ext, { force: true });

  const safetyName = freshName(dir, now, timeZone, 'pre-restore');
  const safetyPartial = join(dir, `.${safetyName}.partial`);
  live.prepare('VACUUM INTO ?').run(safetyPartial);
  renameSync(safetyPartial, join(dir, safetyName));

  // Sessions are not history: who is signed in now stays signed in (if their account exists in the
  // backup), and sessions that had ended since the backup are not revived.
  const sessions = live.prepare('SELECT token_hash, user_id, created_at, expires_at FROM sessions WHERE expires_at > ?').all(now.toISOString()) as {
    token_hash: string;
    user_id: number;
    created_at: string;
    expires_at: string;
  }[];

  live.close();
  let next: DB;
  try {
    for (const ext of ['-wal', '-shm']) rmSync(liveFile + ext, { force: true });
    renameSync(candidate, liveFile);
    next = openDatabase(liveFile);
  } catch (e) {
    // Put the safety copy back so the app keeps running on what it had.
    console.error('[backup] restore failed, reopening the safety copy', e);
    copyFileSync(join(dir, safetyName), liveFile);
    deps.db = openDatabase(liveFile);
    throw new AppError('CONFLICT', `恢复失败，已回到恢复前的数据 (restore failed; the previous data is back): ${(e as Error).message}`, {
      reason: 'restore_failed',
      file,
    });
  }
  next
    .transaction(() => {
      next.exec('DELETE FROM sessions');
      const userExists = next.prepare('SELECT 1 FROM users WHERE id = ? AND active = 1');
      const insert = next.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)');
      for (const s of sessions) if (userExists.get(s.user_id)) insert.run(s.token_hash, s.user_id, s.created_at, s.expires_at);
      writeAudit(
        next,
        now.toISOString(),
        next.prepare('SELECT 1 FROM users WHERE id = ?').get(by.id) ? by.id : null,
        'backup.restore',
        `恢复备份 ${file}（此备份之后的写入已被替换）；恢复前的数据已存为 ${safetyName} | by ${by.name} (${by.username} #${by.id})`,
      );
    })
    .immediate();
  deps.db = next;
  prune(deps, dir);
  return { restoredFrom: file, safetyBackup: safetyName, migrations: checked.migrations };
}

/** Starts the daily backup timer; the returned function stops it (on close, before the db closes). */
export function startDailyBackups(deps: CoreDeps, opts: { firstCheckMs?: number; everyMs?: number } = {}): () => void {
  const run = () => {
    dailyBackupIfDue(deps, deps.clock.now()).catch((e) => console.error('[backup] daily backup failed', e));
  };
  const first = setTimeout(run, opts.firstCheckMs ?? 30_000);
  const every = setInterval(run, opts.everyMs ?? 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
