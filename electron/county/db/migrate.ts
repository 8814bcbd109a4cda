import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { assertHistoryPrefix, loadMigrations } from '../../../db/migrate.js';

// From source the SQL sits at the repo's db/county-migrations; compiled, two levels further up.
export const countyMigrationsDir =
  [new URL('../../../db/county-migrations/', import.meta.url), new URL('../../../../db/county-migrations/', import.meta.url)]
    .map((u) => fileURLToPath(u))
    .find((dir) => existsSync(dir)) ?? fileURLToPath(new URL('../../../db/county-migrations/', import.meta.url));

/**
 * The village's migration rules on PostgreSQL: numbered files, each in its own transaction with its
 * row in schema_migrations, and a refusal to start on a history that is not a prefix of ours. An
 * advisory lock keeps two county processes starting together from running the same file twice.
 */
export async function migrateCounty(pool: pg.Pool, dir = countyMigrationsDir): Promise<{ applied: string[] }> {
  const migrations = loadMigrations(dir);
  const c = await pool.connect();
  try {
    await c.query('SELECT pg_advisory_lock(7113)');
    await c.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const history = (await c.query('SELECT version, name, checksum FROM schema_migrations ORDER BY version')).rows as {
      version: number;
      name: string;
      checksum: string;
    }[];
    assertHistoryPrefix(history, migrations);
    const applied: string[] = [];
    for (const m of migrations.slice(history.length)) {
      await c.query('BEGIN');
      try {
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, now())', [m.version, m.name, m.checksum]);
        await c.query('COMMIT');
      } catch (e) {
        await c.query('ROLLBACK');
        throw e;
      }
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await c.query('SELECT pg_advisory_unlock(7113)').catch(() => {});
    c.release();
  }
}
