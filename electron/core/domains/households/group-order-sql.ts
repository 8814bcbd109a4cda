import type { DB } from '../../../../db/connection.js';
import { groupSortKey } from '../../rules/group-order.js';

const registered = new WeakSet<DB>();

/** Registers group_key(grp) on this connection, so SQL can ORDER BY the village's own group order. */
export function withGroupKey(db: DB): DB {
  if (!registered.has(db)) {
    db.function('group_key', { deterministic: true }, (g: unknown) => groupSortKey(String(g ?? '')));
    registered.add(db);
  }
  return db;
}
