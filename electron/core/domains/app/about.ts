import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CoreDeps, UpdateStatus } from '../../context.js';
import { logsDirOf, updatesDirOf } from '../../data-paths.js';
import { backupDir } from '../backup/backup.js';

export interface AboutInfo {
  version: string;
  role: 'all' | 'office' | 'counter';
  /** The runtime serving the app: Electron and Chrome only in the desktop app. */
  runtime: { node: string; electron: string | null; chrome: string | null };
  /** The database file with its write-ahead log. */
  databaseBytes: number;
  /** Admins only: where things are on this PC. updatesDir only where a feed is served (office, one-PC). */
  paths: { dataDir: string; backupsDir: string; logsDir: string; updatesDir: string | null } | null;
  /** The desktop app's updater; null in the headless server and in browser mode. */
  updates: UpdateStatus | null;
}

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function aboutInfo(deps: CoreDeps, version: string, isAdmin: boolean): AboutInfo {
  const role = deps.role ?? 'all';
  const dataDir = deps.dataDir ?? dirname(deps.db.name);
  return {
    version,
    role,
    runtime: { node: process.versions.node, electron: process.versions.electron ?? null, chrome: process.versions.chrome ?? null },
    databaseBytes: fileBytes(deps.db.name) + fileBytes(`${deps.db.name}-wal`),
    paths: isAdmin
      ? { dataDir, backupsDir: backupDir(deps), logsDir: logsDirOf(dataDir), updatesDir: role === 'counter' ? null : updatesDirOf(dataDir) }
      : null,
    updates: deps.updates?.status() ?? null,
  };
}
