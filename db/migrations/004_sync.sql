-- Sync between counters and the village office (docs/sync.md).
--
-- The office owns the roster, rules, points, catalog, users and village settings: triggers below
-- append a ('row', table, key) entry to sync_feed in the same transaction as every change, and a pull
-- turns those entries into the rows' current values. Counters own what happens at the counter
-- (redemptions, voids, service logs, stock movements, day closes): those travel as outbox events,
-- are applied once per uuid (sync_inbox), and are appended to the feed for the other counters.
-- At a paired counter (settings 'sync.replica' present) the feed triggers stay silent: replicated
-- rows must not be announced again.

CREATE TABLE sync_terminals (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  counter_id      TEXT NOT NULL UNIQUE,
  -- The office must hold the HMAC key itself to check a signature; it never leaves this table.
  secret          TEXT NOT NULL,
  paired_at       TEXT NOT NULL,
  last_seen_at    TEXT,
  last_address    TEXT,
  -- The terminal's last outbox seq applied here: a push must continue from it (no gaps).
  last_outbox_seq INTEGER NOT NULL DEFAULT 0,
  last_pull_seq   INTEGER NOT NULL DEFAULT 0,
  revoked_at      TEXT,
  revoked_by      INTEGER REFERENCES users(id),
  revoke_reason   TEXT
);

-- Only a hash of the code is kept: a copied database holds no code that still works.
CREATE TABLE sync_pairing_codes (
  code_hash   TEXT PRIMARY KEY,
  counter_id  TEXT NOT NULL,
  name        TEXT NOT NULL,
  created_by  INTEGER REFERENCES users(id),
  created_at  TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  used_at     TEXT,
  terminal_id TEXT
);

-- Nonces seen inside the replay window; older ones are purged because the time check refuses them anyway.
CREATE TABLE sync_nonces (
  terminal_id TEXT NOT NULL,
  nonce       TEXT NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (terminal_id, nonce)
) WITHOUT ROWID;
CREATE INDEX sync_nonces_at ON sync_nonces(at);

-- Every event uuid this database has taken in, once. At the office: what counters pushed; at a
-- counter: what the pull brought from other origins. The payload is kept when the event could not
-- be applied, so nothing a counter sent is ever lost.
CREATE TABLE sync_inbox (
  uuid       TEXT PRIMARY KEY,
  origin     TEXT NOT NULL,
  origin_seq INTEGER,
  type       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('applied', 'duplicate', 'ignored', 'failed')),
  error      TEXT,
  payload    TEXT,
  at         TEXT NOT NULL
);
CREATE INDEX sync_inbox_origin ON sync_inbox(origin, origin_seq);

CREATE TABLE sync_feed (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  uuid    TEXT UNIQUE,
  origin  TEXT NOT NULL,
  type    TEXT NOT NULL,
  tbl     TEXT,
  row_key TEXT,
  ref     TEXT,
  payload TEXT,
  at      TEXT NOT NULL,
  CHECK ((type = 'row') = (tbl IS NOT NULL AND row_key IS NOT NULL))
);
CREATE INDEX sync_feed_ref ON sync_feed(ref) WHERE ref IS NOT NULL;

-- What offline work made wrong, kept for follow-up at the office. The finding itself is immutable;
-- only its resolution is written later.
CREATE TABLE sync_conflicts (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('overspent', 'negative_stock', 'close_mismatch', 'double_void', 'apply_failed')),
  counter_id   TEXT,
  household_id INTEGER,
  item_id      INTEGER,
  year         INTEGER,
  events       TEXT NOT NULL,
  detail       TEXT NOT NULL,
  at           TEXT NOT NULL,
  resolved_at  TEXT,
  resolved_by  INTEGER REFERENCES users(id),
  resolution   TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, id);

-- 日结: numbered per counter, immutable. A close covers (after_at, to_at].
CREATE TABLE day_closes (
  id               INTEGER PRIMARY KEY,
  counter_id       TEXT NOT NULL,
  close_no         INTEGER NOT NULL CHECK (close_no > 0),
  after_at         TEXT,
  from_at          TEXT NOT NULL,
  to_at            TEXT NOT NULL,
  local_date       TEXT NOT NULL,
  count            INTEGER NOT NULL,
  points           INTEGER NOT NULL,
  voids            INTEGER NOT NULL,
  void_points      INTEGER NOT NULL,
  first_receipt_no TEXT,
  last_receipt_no  TEXT,
  user_id          INTEGER REFERENCES users(id),
  at               TEXT NOT NULL,
  UNIQUE (counter_id, close_no)
);

CREATE TRIGGER day_closes_no_update BEFORE UPDATE ON day_closes BEGIN SELECT RAISE(ABORT, 'append-only: day_closes'); END;
CREATE TRIGGER day_closes_no_delete BEFORE DELETE ON day_closes BEGIN SELECT RAISE(ABORT, 'append-only: day_closes'); END;
CREATE TRIGGER sync_inbox_no_update BEFORE UPDATE ON sync_inbox BEGIN SELECT RAISE(ABORT, 'append-only: sync_inbox'); END;
CREATE TRIGGER sync_inbox_no_delete BEFORE DELETE ON sync_inbox BEGIN SELECT RAISE(ABORT, 'append-only: sync_inbox'); END;
CREATE TRIGGER sync_conflicts_no_delete BEFORE DELETE ON sync_conflicts BEGIN SELECT RAISE(ABORT, 'append-only: sync_conflicts'); END;
CREATE TRIGGER sync_conflicts_finding_fixed BEFORE UPDATE OF kind, counter_id, household_id, item_id, year, events, detail, at ON sync_conflicts
BEGIN SELECT RAISE(ABORT, 'append-only: sync_conflicts finding'); END;
CREATE TRIGGER outbox_no_update BEFORE UPDATE ON outbox BEGIN SELECT RAISE(ABORT, 'append-only: outbox'); END;
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox BEGIN SELECT RAISE(ABORT, 'append-only: outbox'); END;

-- ---------------------------------------------------------------- the office feed

-- This database's own events (the office redeems too) reach the other counters through the feed.
CREATE TRIGGER outbox_feed AFTER INSERT ON outbox WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN
  INSERT INTO sync_feed (uuid, origin, type, ref, payload, at)
  VALUES (NEW.uuid, 'office', NEW.type,
    CASE WHEN NEW.type = 'day.close' THEN json_extract(NEW.payload, '$.counterId') || '#' || json_extract(NEW.payload, '$.closeNo')
    ELSE COALESCE(json_extract(NEW.payload, '$.receiptNo'), json_extract(NEW.payload, '$.noteNo'), json_extract(NEW.payload, '$.sheetNo')) END,
    NEW.payload, NEW.at);
END;

-- Office-owned rows. Users: lockout counters (failed_logins, locked_until) are each machine's own.
CREATE TRIGGER users_feed_ins AFTER INSERT ON users WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'users', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER users_feed_upd AFTER UPDATE OF username, name, pin_hash, roles, active ON users WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'users', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;

CREATE TRIGGER households_feed_ins AFTER INSERT ON households WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'households', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER households_feed_upd AFTER UPDATE ON households WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'households', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER households_feed_del AFTER DELETE ON households WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'households', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;

CREATE TRIGGER members_feed_ins AFTER INSERT ON members WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'members', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER members_feed_upd AFTER UPDATE ON members WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'members', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER members_feed_del AFTER DELETE ON members WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'members', OLD.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;

CREATE TRIGGER rules_feed_ins AFTER INSERT ON rules WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'rules', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER rules_feed_upd AFTER UPDATE ON rules WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'rules', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;

-- Point entries and reviews are append-only, so an insert is the only change there is.
CREATE TRIGGER point_entries_feed_ins AFTER INSERT ON point_entries WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'point_entries', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER point_reviews_feed_ins AFTER INSERT ON point_reviews WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'point_reviews', NEW.entry_id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;

-- An item travels with its providers, so a change to item_providers announces the item.
CREATE TRIGGER catalog_items_feed_ins AFTER INSERT ON catalog_items WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'catalog_items', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER catalog_items_feed_upd AFTER UPDATE ON catalog_items WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'catalog_items', NEW.id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER item_providers_feed_ins AFTER INSERT ON item_providers WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'catalog_items', NEW.item_id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER item_providers_feed_del AFTER DELETE ON item_providers WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'catalog_items', OLD.item_id, strftime('%Y-%m-%dT%H:%M:%fZ')); END;

-- Village settings (calendar, village, notice days, boards...) but not this machine's own
-- (counter id, printer, card sequence, backups, the bulk-day bundle, sync state).
CREATE TRIGGER settings_feed_ins AFTER INSERT ON settings
WHEN NEW.key NOT IN ('counter', 'printer', 'nextCardSeq', 'backup', 'bulkBundle') AND NEW.key NOT LIKE 'sync.%' AND NEW.key NOT LIKE 'local.%'
  AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'settings', NEW.key, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER settings_feed_upd AFTER UPDATE ON settings
WHEN NEW.key NOT IN ('counter', 'printer', 'nextCardSeq', 'backup', 'bulkBundle') AND NEW.key NOT LIKE 'sync.%' AND NEW.key NOT LIKE 'local.%'
  AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'settings', NEW.key, strftime('%Y-%m-%dT%H:%M:%fZ')); END;
CREATE TRIGGER settings_feed_del AFTER DELETE ON settings
WHEN OLD.key NOT IN ('counter', 'printer', 'nextCardSeq', 'backup', 'bulkBundle') AND OLD.key NOT LIKE 'sync.%' AND OLD.key NOT LIKE 'local.%'
  AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.replica')
BEGIN INSERT INTO sync_feed (origin, type, tbl, row_key, at) VALUES ('office', 'row', 'settings', OLD.key, strftime('%Y-%m-%dT%H:%M:%fZ')); END;

-- A database that already has data starts its feed with all of it, rows before events, so a
-- counter's first pull (from seq 0) brings everything.
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'users', id, created_at FROM users ORDER BY id;
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'settings', key, strftime('%Y-%m-%dT%H:%M:%fZ') FROM settings
  WHERE key NOT IN ('counter', 'printer', 'nextCardSeq', 'backup', 'bulkBundle') AND key NOT LIKE 'sync.%' AND key NOT LIKE 'local.%' ORDER BY key;
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'households', id, created_at FROM households ORDER BY id;
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'members', id, created_at FROM members ORDER BY id;
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'rules', id, strftime('%Y-%m-%dT%H:%M:%fZ') FROM rules ORDER BY id;
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'catalog_items', id, created_at FROM catalog_items ORDER BY id;
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'point_entries', id, recorded_at FROM point_entries ORDER BY id;
INSERT INTO sync_feed (origin, type, tbl, row_key, at) SELECT 'office', 'row', 'point_reviews', entry_id, reviewed_at FROM point_reviews ORDER BY entry_id;
INSERT INTO sync_feed (uuid, origin, type, ref, payload, at)
  SELECT uuid, 'office', type,
    CASE WHEN type = 'day.close' THEN json_extract(payload, '$.counterId') || '#' || json_extract(payload, '$.closeNo')
    ELSE COALESCE(json_extract(payload, '$.receiptNo'), json_extract(payload, '$.noteNo'), json_extract(payload, '$.sheetNo')) END,
    payload, at FROM outbox ORDER BY seq;
