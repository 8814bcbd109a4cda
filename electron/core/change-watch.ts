import type { Statement } from 'better-sqlite3';
import type { DB } from '../../db/connection.js';

/**
 * Cheap "has this changed since I last looked?" for the few tables read on every call (settings;
 * sessions and users), so their readers can keep what they parsed instead of asking SQLite each time.
 *
 * Writes through this connection are seen by TEMP triggers (this connection's own, never stored in
 * the file) that call back into JS and bump a counter; commits by any other connection to the same
 * file (another process, a test's second handle) change SQLite's `PRAGMA data_version`. A watcher's
 * stamp is both, so a reader that compares stamps never keeps a value some write has replaced.
 * data_version costs a read transaction (as much as the SELECT it saves), so it is read once per
 * turn of the event loop: within one turn (one call, up to its write transaction) another process's
 * commit is seen as if it had landed just after the turn began.
 * A write that is rolled back bumps the counter all the same: at worst one extra read.
 *
 * The triggers are created outside any transaction only (created inside one, a rollback would drop
 * them while we believed them there): until then `stamp` answers null and readers read as before.
 */
export type Topic = 'settings' | 'auth';

const watched: Record<Topic, string[]> = { settings: ['settings'], auth: ['sessions', 'users'] };

interface WatchState {
  counts: Record<Topic, number>;
  dataVersion: Statement;
  /** data_version as read in this turn of the event loop; undefined once the turn is over. */
  version: number | undefined;
}

const states = new WeakMap<DB, WatchState>();

function install(db: DB): WatchState | null {
  if (db.inTransaction || db.readonly || !db.open) return null;
  const counts: Record<Topic, number> = { settings: 0, auth: 0 };
  db.function('pts_touched', { deterministic: false, directOnly: false }, (topic: unknown) => {
    if (topic === 'settings' || topic === 'auth') counts[topic]++;
    return null;
  });
  const ddl: string[] = [];
  for (const [topic, tables] of Object.entries(watched))
    for (const table of tables)
      for (const op of ['INSERT', 'UPDATE', 'DELETE'])
        ddl.push(
          `CREATE TEMP TRIGGER IF NOT EXISTS pts_watch_${table}_${op.toLowerCase()} AFTER ${op} ON main.${table} BEGIN SELECT pts_touched('${topic}'); END;`,
        );
  db.exec(ddl.join('\n'));
  const state: WatchState = { counts, dataVersion: db.prepare('PRAGMA data_version').pluck(), version: undefined };
  states.set(db, state);
  return state;
}

/**
 * An opaque stamp that differs whenever the topic's tables may have changed since it was taken,
 * or null when this connection cannot watch yet (then read the tables).
 */
export function stamp(db: DB, topic: Topic): string | null {
  const s = states.get(db) ?? install(db);
  if (!s) return null;
  if (s.version === undefined) {
    s.version = s.dataVersion.get() as number;
    setImmediate(() => (s.version = undefined));
  }
  return `${s.counts[topic]}:${s.version}`;
}
