-- The office refuses a counter's event that fails its checks (electron/core/events/checks.ts): the
-- event is acknowledged so the channel keeps flowing, kept in sync_inbox as 'refused' with its payload,
-- and recorded as a conflict of kind 'refused' with a machine-readable reason. SQLite cannot widen a
-- CHECK in place, so both tables are rebuilt with their rows.

CREATE TABLE sync_inbox_new (
  uuid       TEXT PRIMARY KEY,
  origin     TEXT NOT NULL,
  origin_seq INTEGER,
  type       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('applied', 'duplicate', 'ignored', 'failed', 'refused')),
  error      TEXT,
  payload    TEXT,
  at         TEXT NOT NULL,
  reason     TEXT,
  CHECK ((status = 'refused') = (reason IS NOT NULL))
);
INSERT INTO sync_inbox_new (uuid, origin, origin_seq, type, status, error, payload, at)
  SELECT uuid, origin, origin_seq, type, status, error, payload, at FROM sync_inbox;
DROP TABLE sync_inbox;
ALTER TABLE sync_inbox_new RENAME TO sync_inbox;
CREATE INDEX sync_inbox_origin ON sync_inbox(origin, origin_seq);
CREATE INDEX sync_inbox_refused ON sync_inbox(origin, at) WHERE status = 'refused';

DROP TRIGGER sync_conflicts_no_delete;
DROP TRIGGER sync_conflicts_finding_fixed;
CREATE TABLE sync_conflicts_new (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('overspent', 'negative_stock', 'close_mismatch', 'double_void', 'apply_failed', 'refused')),
  reason       TEXT CHECK ((kind = 'refused') = (reason IS NOT NULL)),
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
INSERT INTO sync_conflicts_new (id, kind, counter_id, household_id, item_id, year, events, detail, at, resolved_at, resolved_by, resolution)
  SELECT id, kind, counter_id, household_id, item_id, year, events, detail, at, resolved_at, resolved_by, resolution FROM sync_conflicts;
DROP TABLE sync_conflicts;
ALTER TABLE sync_conflicts_new RENAME TO sync_conflicts;
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, id);
CREATE TRIGGER sync_conflicts_no_delete BEFORE DELETE ON sync_conflicts BEGIN SELECT RAISE(ABORT, 'append-only: sync_conflicts'); END;
CREATE TRIGGER sync_conflicts_finding_fixed BEFORE UPDATE OF kind, reason, counter_id, household_id, item_id, year, events, detail, at ON sync_conflicts
BEGIN SELECT RAISE(ABORT, 'append-only: sync_conflicts finding'); END;
