import type { DB } from '../../db/connection.js';
import type { Statement } from 'better-sqlite3';

const cache = new WeakMap<DB, Map<string, Statement>>();

/** Prepared once per connection: preparing is a measurable share of a card lookup. */
export function stmt(db: DB, sql: string): Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}
