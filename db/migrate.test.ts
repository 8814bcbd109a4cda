import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DB } from './connection.js';
import { loadMigrations, migrate, MigrationHistoryError } from './migrate.js';

let dir: string;
const open: DB[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pos-migrate-'));
});
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = () => join(dir, 'village.db');
const track = (db: DB) => (open.push(db), db);
const history = (db: DB) => db.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all();
const tables = (db: DB) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
/** A raw connection that does not migrate, for tampering and inspecting. */
const raw = () => track(new Database(file()));

/** A migrations directory of our own: files named 001_x.sql, 002_y.sql … */
function migrationsDir(files: Record<string, string>): string {
  const d = join(dir, `migrations-${Object.keys(files).join('-').replace(/\W/g, '')}`);
  mkdirSync(d, { recursive: true });
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(d, name), sql);
  return d;
}

describe('migrations', () => {
  it('a fresh database gets every migration, recorded with its checksum', () => {
    const db = track(openDatabase(file()));
    const expected = loadMigrations().map((m) => ({ version: m.version, name: m.name, checksum: m.checksum }));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected[0].name).toBe('001_init.sql');
    expect(history(db)).toEqual(expected);
    expect(tables(db)).toEqual(expect.arrayContaining(['households', 'point_entries', 'redemptions', 'stock_movements', 'audit', 'outbox']));
  });

  it('opens the file with WAL, foreign keys on and synchronous=FULL', () => {
    const db = track(openDatabase(file()));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('reopening applies nothing and keeps the data', () => {
    const first = track(openDatabase(file()));
    first.prepare("INSERT INTO settings (key, value) VALUES ('k', '1')").run();
    const recorded = first.prepare('SELECT * FROM schema_migrations').all();
    first.close();
    const db = track(openDatabase(file()));
    expect(migrate(db)).toEqual({ applied: [] });
    expect(db.prepare('SELECT * FROM schema_migrations').all()).toEqual(recorded);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'k'").get()).toEqual({ value: '1' });
  });

  it('applies only the new migrations when the app gains one', () => {
    const v1 = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x INTEGER);' });
    const v2 = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x INTEGER);', '002_b.sql': 'CREATE TABLE b (y INTEGER);' });
    track(openDatabase(file(), { migrationsDir: v1 })).close();
    const db = track(openDatabase(file(), { migrationsDir: v1 }));
    expect(migrate(db, v2)).toEqual({ applied: ['002_b.sql'] });
    expect(tables(db)).toEqual(['a', 'b', 'schema_migrations']);
  });

  it('refuses a database whose recorded checksum differs (an edited migration)', () => {
    track(openDatabase(file())).close();
    raw().prepare("UPDATE schema_migrations SET checksum = 'tampered' WHERE version = 1").run();
    expect(() => track(openDatabase(file()))).toThrow(MigrationHistoryError);
  });

  it('refuses a database with a migration this app does not know (from a newer version)', () => {
    track(openDatabase(file())).close();
    const n = loadMigrations().length + 1;
    raw()
      .prepare("INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, 'x', '2027-01-01T00:00:00Z')")
      .run(n, `${String(n).padStart(3, '0')}_future.sql`);
    expect(() => track(openDatabase(file()))).toThrow(MigrationHistoryError);
  });

  it('refuses a history whose name differs at the same version', () => {
    const a = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x INTEGER);' });
    const renamed = migrationsDir({ '001_renamed.sql': 'CREATE TABLE a (x INTEGER);' });
    track(openDatabase(file(), { migrationsDir: a })).close();
    expect(() => track(openDatabase(file(), { migrationsDir: renamed }))).toThrow(MigrationHistoryError);
  });

  it('refuses a migrations directory with a gap in its numbering', () => {
    const gap = migrationsDir({ '001_a.sql': 'CREATE TABLE a (x INTEGER);', '003_c.sql': 'CREATE TABLE c (x INTEGER);' });
    expect(() => loadMigrations(gap)).toThrow(MigrationHistoryError);
  });

  it('a migration with an SQL error leaves no partial schema and is not recorded; earlier ones stay', () => {
    const bad = migrationsDir({
      '001_ok.sql': 'CREATE TABLE ok (x INTEGER);',
      '002_bad.sql': `CREATE TABLE half (x INTEGER);
        CREATE INDEX half_x ON half(x);
        INSERT INTO ok (x) VALUES (1);
        CREATE TABLE broken (x INTEGER,, y);`,
    });
    expect(() => openDatabase(file(), { migrationsDir: bad })).toThrow(/syntax error/);
    const db = raw();
    expect(tables(db)).toEqual(['ok', 'schema_migrations']);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'half_x'").all()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM ok').get()).toEqual({ n: 0 });
    expect(history(db).map((h) => (h as { name: string }).name)).toEqual(['001_ok.sql']);
  });

  it('after the broken migration is fixed, opening applies it', () => {
    const bad = migrationsDir({ '001_ok.sql': 'CREATE TABLE ok (x INTEGER);', '002_bad.sql': 'CREATE TABLE half (x INTEGER); SELEC 1;' });
    expect(() => openDatabase(file(), { migrationsDir: bad })).toThrow();
    const fixed = migrationsDir({ '001_ok.sql': 'CREATE TABLE ok (x INTEGER);', '002_fixed.sql': 'CREATE TABLE half (x INTEGER);' });
    const db = track(openDatabase(file(), { migrationsDir: fixed }));
    expect(tables(db)).toEqual(['half', 'ok', 'schema_migrations']);
  });
});
