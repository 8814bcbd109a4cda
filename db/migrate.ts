import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

// From source the SQL sits beside this file; compiled into dist-electron/db/ it stays at the app root's db/migrations.
export const defaultMigrationsDir =
  [new URL('./migrations/', import.meta.url), new URL('../../db/migrations/', import.meta.url)].map((u) => fileURLToPath(u)).find((dir) => existsSync(dir)) ??
  fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationHistoryError extends Error {}

export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort();
  return files.map((name, i) => {
    const version = Number(name.slice(0, 3));
    if (version !== i + 1) throw new MigrationHistoryError(`migration numbering has a gap at ${name}`);
    const sql = readFileSync(`${dir}/${name}`, 'utf8');
    return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
  });
}

/**
 * Throws unless the database's recorded migrations are a prefix of ours (also used on a backup
 * before it may replace the live database). Returns the recorded history.
 */
export function checkMigrationHistory(
  db: Database.Database,
  migrations: Migration[] = loadMigrations(),
): { version: number; name: string; checksum: string }[] {
  const history = db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
    checksum: string;
  }[];
  return assertHistoryPrefix(history, migrations);
}

/** The recorded history must be a prefix of ours; shared with the county's PostgreSQL migrations. */
export function assertHistoryPrefix<H extends { version: number; name: string; checksum: string }>(history: H[], migrations: Migration[]): H[] {
  history.forEach((h, i) => {
    const m = migrations[i];
    if (!m || m.version !== h.version || m.name !== h.name || m.checksum !== h.checksum) {
      throw new MigrationHistoryError(`数据库迁移记录与程序不符 (database migration history does not match this app) at ${h.version} ${h.name}`);
    }
  });
  return history;
}

/**
 * Applies pending migrations, each in its own transaction. Refuses to start on a database whose
 * recorded history is not a prefix of ours (edited, reordered, or from a newer app version),
 * because running on a schema we do not understand risks the ledger.
 */
export function migrate(db: Database.Database, dir?: string): { applied: string[] } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const migrations = loadMigrations(dir);
  const history = checkMigrationHistory(db, migrations);
  const applied: string[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of migrations.slice(history.length)) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, m.checksum, new Date().toISOString());
    })();
    applied.push(m.name);
  }
  return { applied };
}
