import Database from 'better-sqlite3';
import { migrate } from './migrate.js';

export type DB = Database.Database;

/**
 * Opens (creating if needed) the app database and brings its schema up to date.
 * synchronous=FULL: a redemption the counter reported as committed must survive a power cut.
 */
export function openDatabase(file: string, opts: { migrationsDir?: string } = {}): DB {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, opts.migrationsDir);
  } catch (e) {
    db.close(); // an open handle would keep the file locked on Windows
    throw e;
  }
  return db;
}
