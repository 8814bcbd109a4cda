import type { DB } from '../../db/connection.js';
import { stmt } from '../core/statements.js';
import { endUserSessions } from '../core/domains/auth/sessions.js';

/**
 * Every table, by who owns it once counters sync (docs/sync.md). tables.test.ts fails when a
 * migration adds a table that is not listed here, so nobody adds data that silently never syncs.
 */
export interface RowTable {
  key: string;
  /** Rows are never changed once written: a replica inserts and ignores repeats. */
  appendOnly?: boolean;
  /** Columns that are each machine's own (lockout state). */
  omit?: readonly string[];
  /** Text columns with a UNIQUE index: a replica moves a clashing row aside until its own update arrives. */
  unique?: readonly string[];
}

/** Owned by the office; replicated to counters as rows through the feed (triggers in 004_sync.sql). */
export const officeRowTables: Readonly<Record<string, RowTable>> = {
  users: { key: 'id', omit: ['failed_logins', 'locked_until'], unique: ['username'] },
  settings: { key: 'key' },
  households: { key: 'id', unique: ['card_no'] },
  members: { key: 'id' },
  rules: { key: 'id' },
  catalog_items: { key: 'id', unique: ['barcode'] },
  point_entries: { key: 'id', appendOnly: true },
  point_reviews: { key: 'entry_id', appendOnly: true },
};

/** Written by whoever originates them (any counter, or the office) and replicated as events. */
export const eventTables = [
  'redemptions',
  'redemption_lines',
  'redemption_voids',
  'stock_movements',
  'receiving_notes',
  'stocktakes',
  'stocktake_lines',
  'day_closes',
] as const;

/**
 * Kept by triggers from the rows above, in the same transaction: never sent, rebuilt on every
 * machine from the rows it receives (a replica's inserts fire the same triggers).
 */
export const derivedTables = ['stock_levels', 'account_totals', 'report_day_totals', 'report_household_months'] as const;

/** Replicated as part of another table's rows. */
export const childTables: Readonly<Record<string, string>> = { item_providers: 'catalog_items' };

/**
 * Never synced: each machine's own (sessions, audit, print log, numbering, sync state), or office
 * records that counters have no use for (photo evidence, published boards, award decisions).
 */
export const localTables = [
  'schema_migrations',
  'sessions',
  'audit',
  'outbox',
  'receipt_prints',
  'receipt_counters',
  'doc_counters',
  'sync_terminals',
  'sync_pairing_codes',
  'sync_nonces',
  'sync_inbox',
  'sync_feed',
  'sync_conflicts',
  'point_photos',
  // A rejected entry's correction link (012): the office's review history; the new entry itself syncs as a point_entries row.
  'point_resubmits',
  'board_publications',
  'award_decisions',
  // Print jobs and the void slip's balance (011): what this machine printed, from its own ledger.
  'print_jobs',
  'print_job_events',
  'void_slips',
  // Reporting to the county: the office's own (its settings live under local.county.*).
  'county_outbox',
  'county_dirty',
  'household_qr_tokens',
  // Derived: every machine's own triggers keep them from the rows it holds (migrations 007, 008).
  'account_totals',
  'report_day_totals',
  'report_household_months',
] as const;

/** Settings keys that belong to one machine; the feed triggers skip the same keys. */
export function isLocalSetting(key: string): boolean {
  return ['counter', 'printer', 'nextCardSeq', 'backup', 'bulkBundle'].includes(key) || key.startsWith('sync.') || key.startsWith('local.');
}

export type Snapshot = Record<string, unknown> | null;

const columnCache = new WeakMap<DB, Map<string, string[]>>();
export function columnsOf(db: DB, table: string): string[] {
  let m = columnCache.get(db);
  if (!m) columnCache.set(db, (m = new Map()));
  let cols = m.get(table);
  if (!cols) m.set(table, (cols = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name)));
  return cols;
}

/**
 * The current rows for feed entries, in bulk (a first pull resolves tens of thousands). A key with
 * no row left resolves to null: the replica deletes it.
 */
export function resolveRows(db: DB, table: string, keys: readonly string[], opts: { forCounter?: boolean } = {}): Map<string, Snapshot> {
  const def = officeRowTables[table];
  const out = new Map<string, Snapshot>(keys.map((k) => [k, null]));
  if (!def || keys.length === 0) return out;
  const wanted = JSON.stringify(def.key === 'key' ? keys : keys.map(Number));
  const rows = stmt(db, `SELECT * FROM "${table}" WHERE "${def.key}" IN (SELECT value FROM json_each(?))`).all(wanted) as Record<string, unknown>[];
  for (const r of rows) {
    for (const c of def.omit ?? []) delete r[c];
    if (opts.forCounter && table === 'users') counterUser(r);
    out.set(String(r[def.key]), r);
  }
  if (table === 'catalog_items') {
    const providers = stmt(
      db,
      'SELECT item_id, provider_id FROM item_providers WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, provider_id',
    ).all(wanted) as { item_id: number; provider_id: number }[];
    for (const r of out.values()) if (r) r.providers = [];
    for (const p of providers) (out.get(String(p.item_id))?.providers as number[] | undefined)?.push(p.provider_id);
  }
  return out;
}

/** Who a counter needs to sign in: shopkeepers, providers (service logging) and admins (supervisors). */
export const counterRoles: readonly string[] = ['admin', 'shopkeeper', 'provider'];

/**
 * A user as a counter receives them. Anyone else (clerks, reviewers, viewers) arrives as a name only,
 * inactive and with no PIN hash: the counter can show who recorded an old row, and nobody can sign in as them there.
 */
function counterUser(r: Record<string, unknown>): void {
  const roles = JSON.parse(String(r.roles)) as string[];
  if (roles.some((x) => counterRoles.includes(x))) return;
  r.pin_hash = '!';
  r.active = 0;
}

/**
 * Writes one office row into a replica: upsert by key (insert-or-ignore for append-only tables), or
 * delete when the office no longer has it. Columns this build does not know are left out, so an
 * office one migration ahead still replicates what both understand.
 */
export function applyRow(db: DB, table: string, key: string, row: Snapshot, opts: { keepSessionsOf?: number | null } = {}): 'applied' | 'ignored' {
  const def = officeRowTables[table];
  if (!def) return 'ignored';
  if (row === null) {
    if (def.appendOnly) return 'ignored';
    if (table === 'catalog_items') stmt(db, 'DELETE FROM item_providers WHERE item_id = ?').run(Number(key));
    stmt(db, `DELETE FROM "${table}" WHERE "${def.key}" = ?`).run(def.key === 'key' ? key : Number(key));
    return 'applied';
  }
  if (table === 'settings' && isLocalSetting(String(row.key))) return 'ignored';
  const local = new Set(columnsOf(db, table));
  const cols = Object.keys(row).filter((c) => local.has(c) && !(def.omit ?? []).includes(c));
  const list = cols.map((c) => `"${c}"`).join(', ');
  const params = cols.map((c) => `@${c}`).join(', ');
  const values = Object.fromEntries(cols.map((c) => [c, row[c] as unknown]));
  if (def.appendOnly) {
    stmt(db, `INSERT OR IGNORE INTO "${table}" (${list}) VALUES (${params})`).run(values);
    return 'applied';
  }
  for (const u of def.unique ?? []) {
    if (row[u] === null || row[u] === undefined || !local.has(u)) continue;
    // Two rows may swap a unique value within one batch; the other row's own update restores it.
    const moved = u === 'barcode' ? 'NULL' : `'~' || "${def.key}" || '~' || "${u}"`;
    stmt(db, `UPDATE "${table}" SET "${u}" = ${moved} WHERE "${u}" = ? AND "${def.key}" <> ?`).run(row[u], row[def.key]);
  }
  if (table === 'users') {
    const before = stmt(db, 'SELECT pin_hash, active FROM users WHERE id = ?').get(row.id) as { pin_hash: string; active: number } | undefined;
    // A PIN reset or a deactivation at the office ends that user's sessions here too; the one who
    // paired keeps theirs until the first pull is in (CounterAgent.finishFirstPull ends it then).
    if (before && (before.pin_hash !== row.pin_hash || row.active === 0) && row.id !== opts.keepSessionsOf) endUserSessions(db, Number(row.id));
  }
  const updates = cols
    .filter((c) => c !== def.key)
    .map((c) => `"${c}" = excluded."${c}"`)
    .join(', ');
  stmt(db, `INSERT INTO "${table}" (${list}) VALUES (${params}) ON CONFLICT ("${def.key}") ${updates ? `DO UPDATE SET ${updates}` : 'DO NOTHING'}`).run(values);
  if (table === 'catalog_items' && Array.isArray(row.providers)) {
    stmt(db, 'DELETE FROM item_providers WHERE item_id = ?').run(row.id);
    for (const p of row.providers as number[]) stmt(db, 'INSERT OR IGNORE INTO item_providers (item_id, provider_id) VALUES (?, ?)').run(row.id, p);
  }
  return 'applied';
}
