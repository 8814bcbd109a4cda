-- Foundation schema. Ledger tables (point_entries, point_reviews, redemptions, redemption_lines,
-- redemption_voids, stock_movements, audit, outbox) are append-only: triggers below refuse
-- UPDATE and DELETE, so a correction can only be a new row that points at the original.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL -- JSON
);

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  pin_hash      TEXT NOT NULL,
  roles         TEXT NOT NULL, -- JSON array of role names
  active        INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  TEXT,
  created_at    TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE households (
  id            INTEGER PRIMARY KEY,
  card_no       TEXT NOT NULL UNIQUE,
  head_name     TEXT NOT NULL,
  name_initials TEXT NOT NULL, -- pinyin initials of the head's name, e.g. 张三丰 -> zsf
  grp           TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  phone_last4   TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL
);
CREATE INDEX households_initials ON households(name_initials);
CREATE INDEX households_head_name ON households(head_name);
CREATE INDEX households_phone_last4 ON households(phone_last4);

CREATE TABLE members (
  id            INTEGER PRIMARY KEY,
  household_id  INTEGER NOT NULL REFERENCES households(id),
  name          TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  relation      TEXT NOT NULL DEFAULT '',
  id_no         TEXT NOT NULL DEFAULT '',
  party_member  INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL
);
CREATE INDEX members_household ON members(household_id);
CREATE INDEX members_initials ON members(name_initials);
CREATE INDEX members_name ON members(name);

-- Scoring rules (评分条例). Editing a rule never changes recorded entries: entries copy what they need.
CREATE TABLE rules (
  id           INTEGER PRIMARY KEY,
  category     TEXT NOT NULL,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('award', 'deduction')),
  points       INTEGER,
  min_points   INTEGER,
  max_points   INTEGER,
  cap_per_year INTEGER,
  active       INTEGER NOT NULL DEFAULT 1,
  CHECK ((points IS NOT NULL AND points > 0) OR
         (min_points IS NOT NULL AND max_points IS NOT NULL AND min_points > 0 AND max_points >= min_points))
);

-- points is signed: awards positive, deductions negative, a reversal the negation of what it reverses.
CREATE TABLE point_entries (
  id           INTEGER PRIMARY KEY,
  household_id INTEGER NOT NULL REFERENCES households(id),
  person_id    INTEGER REFERENCES members(id),
  rule_id      INTEGER REFERENCES rules(id),
  kind         TEXT NOT NULL CHECK (kind IN ('award', 'deduction', 'reversal')),
  category     TEXT NOT NULL,
  rule_name    TEXT NOT NULL,
  points       INTEGER NOT NULL,
  occurred_on  TEXT NOT NULL, -- YYYY-MM-DD in the village time zone
  year         INTEGER NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  reverses_id  INTEGER UNIQUE REFERENCES point_entries(id),
  recorded_by  INTEGER NOT NULL REFERENCES users(id),
  recorded_at  TEXT NOT NULL,
  CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL))
);
CREATE INDEX point_entries_household_year ON point_entries(household_id, year);
CREATE INDEX point_entries_year ON point_entries(year, occurred_on);

-- A review is the only way an award or deduction starts to count; one per entry.
CREATE TABLE point_reviews (
  entry_id    INTEGER PRIMARY KEY REFERENCES point_entries(id),
  decision    TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
  reason      TEXT NOT NULL DEFAULT '',
  reviewed_by INTEGER NOT NULL REFERENCES users(id),
  reviewed_at TEXT NOT NULL
);

CREATE TABLE catalog_items (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('goods', 'service')),
  name         TEXT NOT NULL,
  barcode      TEXT UNIQUE,
  unit         TEXT NOT NULL,
  points       INTEGER CHECK (points IS NULL OR points > 0),
  open_price   INTEGER NOT NULL DEFAULT 0,
  min_points   INTEGER,
  max_points   INTEGER,
  limit_per_household_per_year INTEGER,
  category     TEXT NOT NULL DEFAULT '',
  active       INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  CHECK (open_price = 1 OR points IS NOT NULL)
);

CREATE TABLE item_providers (
  item_id     INTEGER NOT NULL REFERENCES catalog_items(id),
  provider_id INTEGER NOT NULL REFERENCES users(id),
  PRIMARY KEY (item_id, provider_id)
);

CREATE TABLE stock_movements (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL REFERENCES catalog_items(id),
  delta          INTEGER NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('receive', 'redeem', 'void', 'count')),
  funding_source TEXT CHECK (funding_source IN ('fiscal', 'collective', 'donation', 'sponsor')),
  donor          TEXT,
  unit_cost_fen  INTEGER,
  reason         TEXT,
  redemption_id  INTEGER REFERENCES redemptions(id),
  user_id        INTEGER REFERENCES users(id),
  at             TEXT NOT NULL
);
CREATE INDEX stock_movements_item ON stock_movements(item_id, at);

-- Stock on hand, kept by trigger from the movements so it always equals their sum.
CREATE TABLE stock_levels (
  item_id INTEGER PRIMARY KEY REFERENCES catalog_items(id),
  qty     INTEGER NOT NULL
);
CREATE TRIGGER stock_movements_level AFTER INSERT ON stock_movements BEGIN
  INSERT INTO stock_levels (item_id, qty) VALUES (NEW.item_id, NEW.delta)
    ON CONFLICT (item_id) DO UPDATE SET qty = qty + NEW.delta;
END;

CREATE TABLE receipt_counters (
  counter_id TEXT NOT NULL,
  year       INTEGER NOT NULL,
  last_no    INTEGER NOT NULL,
  PRIMARY KEY (counter_id, year)
);

CREATE TABLE redemptions (
  id              INTEGER PRIMARY KEY,
  receipt_no      TEXT NOT NULL UNIQUE,
  counter_id      TEXT NOT NULL,
  year            INTEGER NOT NULL,
  household_id    INTEGER NOT NULL REFERENCES households(id),
  kind            TEXT NOT NULL CHECK (kind IN ('counter', 'service')),
  total_points    INTEGER NOT NULL CHECK (total_points > 0),
  request_id      TEXT NOT NULL UNIQUE,
  request_hash    TEXT NOT NULL,
  result          TEXT NOT NULL, -- JSON of the first answer, returned again on a replayed requestId
  operator_id     INTEGER NOT NULL REFERENCES users(id),
  override_by     INTEGER REFERENCES users(id),
  override_reason TEXT,
  at              TEXT NOT NULL,
  local_date      TEXT NOT NULL
);
CREATE INDEX redemptions_household_year ON redemptions(household_id, year);
CREATE INDEX redemptions_local_date ON redemptions(local_date);

CREATE TABLE redemption_lines (
  id            INTEGER PRIMARY KEY,
  redemption_id INTEGER NOT NULL REFERENCES redemptions(id),
  item_id       INTEGER NOT NULL REFERENCES catalog_items(id),
  item_name     TEXT NOT NULL,
  item_kind     TEXT NOT NULL,
  unit          TEXT NOT NULL,
  qty           INTEGER NOT NULL CHECK (qty > 0),
  unit_points   INTEGER NOT NULL CHECK (unit_points > 0),
  line_points   INTEGER NOT NULL,
  provider_id   INTEGER REFERENCES users(id)
);
CREATE INDEX redemption_lines_redemption ON redemption_lines(redemption_id);
CREATE INDEX redemption_lines_item ON redemption_lines(item_id);

CREATE TABLE redemption_voids (
  id             INTEGER PRIMARY KEY,
  redemption_id  INTEGER NOT NULL UNIQUE REFERENCES redemptions(id),
  reason         TEXT NOT NULL,
  user_id        INTEGER NOT NULL REFERENCES users(id),
  supervisor_id  INTEGER NOT NULL REFERENCES users(id),
  at             TEXT NOT NULL
);

CREATE TABLE receipt_prints (
  id            INTEGER PRIMARY KEY,
  redemption_id INTEGER NOT NULL REFERENCES redemptions(id),
  kind          TEXT NOT NULL CHECK (kind IN ('receipt', 'reprint', 'void')),
  user_id       INTEGER REFERENCES users(id),
  at            TEXT NOT NULL
);
CREATE INDEX receipt_prints_redemption ON receipt_prints(redemption_id);

CREATE TABLE audit (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  method  TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX audit_at ON audit(at);

-- Every write appends here in its own transaction; sync pushes these to the village office.
CREATE TABLE outbox (
  seq     INTEGER PRIMARY KEY,
  uuid    TEXT NOT NULL UNIQUE,
  type    TEXT NOT NULL,
  payload TEXT NOT NULL,
  at      TEXT NOT NULL
);

CREATE TRIGGER point_entries_no_update BEFORE UPDATE ON point_entries BEGIN SELECT RAISE(ABORT, 'append-only: point_entries'); END;
CREATE TRIGGER point_entries_no_delete BEFORE DELETE ON point_entries BEGIN SELECT RAISE(ABORT, 'append-only: point_entries'); END;
CREATE TRIGGER point_reviews_no_update BEFORE UPDATE ON point_reviews BEGIN SELECT RAISE(ABORT, 'append-only: point_reviews'); END;
CREATE TRIGGER point_reviews_no_delete BEFORE DELETE ON point_reviews BEGIN SELECT RAISE(ABORT, 'append-only: point_reviews'); END;
CREATE TRIGGER redemptions_no_update BEFORE UPDATE ON redemptions BEGIN SELECT RAISE(ABORT, 'append-only: redemptions'); END;
CREATE TRIGGER redemptions_no_delete BEFORE DELETE ON redemptions BEGIN SELECT RAISE(ABORT, 'append-only: redemptions'); END;
CREATE TRIGGER redemption_lines_no_update BEFORE UPDATE ON redemption_lines BEGIN SELECT RAISE(ABORT, 'append-only: redemption_lines'); END;
CREATE TRIGGER redemption_lines_no_delete BEFORE DELETE ON redemption_lines BEGIN SELECT RAISE(ABORT, 'append-only: redemption_lines'); END;
CREATE TRIGGER redemption_voids_no_update BEFORE UPDATE ON redemption_voids BEGIN SELECT RAISE(ABORT, 'append-only: redemption_voids'); END;
CREATE TRIGGER redemption_voids_no_delete BEFORE DELETE ON redemption_voids BEGIN SELECT RAISE(ABORT, 'append-only: redemption_voids'); END;
CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements BEGIN SELECT RAISE(ABORT, 'append-only: stock_movements'); END;
CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements BEGIN SELECT RAISE(ABORT, 'append-only: stock_movements'); END;
CREATE TRIGGER receipt_prints_no_update BEFORE UPDATE ON receipt_prints BEGIN SELECT RAISE(ABORT, 'append-only: receipt_prints'); END;
CREATE TRIGGER receipt_prints_no_delete BEFORE DELETE ON receipt_prints BEGIN SELECT RAISE(ABORT, 'append-only: receipt_prints'); END;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'append-only: audit'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'append-only: audit'); END;
