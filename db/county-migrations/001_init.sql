-- The county server's schema (PostgreSQL). Areas are keyed by their 12-digit 统计用区划代码: a county
-- is its first 6 digits followed by zeros, a town its first 9, a village all 12. Everything a village
-- pushes is stored under the village code of the link that signed it, never a code from the payload.

CREATE TABLE areas (
  code       TEXT PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
  level      TEXT NOT NULL CHECK (level IN ('county', 'town', 'village')),
  parent     TEXT REFERENCES areas(code),
  name       TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  CHECK ((level = 'county') = (parent IS NULL))
);
CREATE INDEX areas_parent ON areas(parent);

CREATE TABLE users (
  id            SERIAL PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  pin_hash      TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('county_admin', 'county_viewer', 'town_viewer')),
  area_code     TEXT NOT NULL REFERENCES areas(code),
  active        BOOLEAN NOT NULL DEFAULT true,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  TIMESTAMPTZ,
  created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  expires_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE audit (
  id      BIGSERIAL PRIMARY KEY,
  at      TIMESTAMPTZ NOT NULL,
  user_id INTEGER REFERENCES users(id),
  method  TEXT NOT NULL,
  summary TEXT NOT NULL
);

-- ---------------------------------------------------------------- village links

CREATE TABLE village_pairing_codes (
  code_hash    TEXT PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES areas(code),
  created_by   INTEGER REFERENCES users(id),
  created_at   TIMESTAMPTZ NOT NULL,
  expires_at   TIMESTAMPTZ NOT NULL,
  used_at      TIMESTAMPTZ,
  terminal_id  TEXT
);

CREATE TABLE village_links (
  terminal_id  TEXT PRIMARY KEY,
  village_code TEXT NOT NULL REFERENCES areas(code),
  secret       TEXT NOT NULL,
  paired_at    TIMESTAMPTZ NOT NULL,
  revoked_at   TIMESTAMPTZ,
  -- The village outbox seq acknowledged so far: a push must continue from exactly here.
  last_seq     BIGINT NOT NULL DEFAULT 0,
  last_push_at TIMESTAMPTZ,
  -- Events received again (a resend after a lost answer): acknowledged and dropped, counted here.
  duplicates   BIGINT NOT NULL DEFAULT 0,
  -- The village's own clock at its last push ("as of when" in the progress report).
  as_of        TIMESTAMPTZ
);
CREATE INDEX village_links_village ON village_links(village_code);

CREATE TABLE nonces (
  terminal_id TEXT NOT NULL,
  nonce       TEXT NOT NULL,
  at          BIGINT NOT NULL,
  PRIMARY KEY (terminal_id, nonce)
);

-- Every event ever received, once: a repeat of a uuid is acknowledged and ignored.
CREATE TABLE inbox (
  uuid         TEXT PRIMARY KEY,
  village_code TEXT NOT NULL,
  seq          BIGINT NOT NULL,
  type         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('applied', 'flagged')),
  received_at  TIMESTAMPTZ NOT NULL
);

-- What the county was told but did not believe: kept with the reason, never applied.
CREATE TABLE conflicts (
  id           BIGSERIAL PRIMARY KEY,
  village_code TEXT NOT NULL,
  uuid         TEXT NOT NULL,
  type         TEXT NOT NULL,
  reason       TEXT NOT NULL,
  detail       TEXT NOT NULL,
  payload      JSONB NOT NULL,
  at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX conflicts_village ON conflicts(village_code, id);

-- ---------------------------------------------------------------- what villages report

CREATE TABLE households (
  village_code TEXT NOT NULL,
  household_id INTEGER NOT NULL,
  name         TEXT NOT NULL,
  grp          TEXT NOT NULL,
  PRIMARY KEY (village_code, household_id)
);

-- The village's own yearly totals, as last reported (checked against the lines on arrival).
CREATE TABLE household_years (
  village_code TEXT NOT NULL,
  household_id INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  awarded      INTEGER NOT NULL,
  deducted     INTEGER NOT NULL,
  redeemed     INTEGER NOT NULL,
  score        INTEGER NOT NULL,
  available    INTEGER NOT NULL,
  PRIMARY KEY (village_code, household_id, year)
);

-- Counted ledger lines (an approved award or deduction, or a reversal of one): date, rule, points.
-- heading is the original's kind, so a reversed award lowers "awarded".
CREATE TABLE ledger_lines (
  village_code TEXT NOT NULL,
  entry_id     INTEGER NOT NULL,
  household_id INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  occurred_on  TEXT NOT NULL,
  category     TEXT NOT NULL,
  rule         TEXT NOT NULL,
  heading      TEXT NOT NULL CHECK (heading IN ('award', 'deduction')),
  reversal     BOOLEAN NOT NULL,
  points       INTEGER NOT NULL,
  PRIMARY KEY (village_code, entry_id)
);
CREATE INDEX ledger_lines_household ON ledger_lines(village_code, household_id, year);

CREATE TABLE redemption_lines (
  village_code TEXT NOT NULL,
  receipt_no   TEXT NOT NULL,
  line_id      INTEGER NOT NULL,
  household_id INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  local_date   TEXT NOT NULL,
  counter_id   TEXT NOT NULL,
  item_kind    TEXT NOT NULL CHECK (item_kind IN ('goods', 'service')),
  item_name    TEXT NOT NULL,
  qty          INTEGER NOT NULL,
  points       INTEGER NOT NULL,
  voided       BOOLEAN NOT NULL DEFAULT false,
  PRIMARY KEY (village_code, line_id)
);
CREATE INDEX redemption_lines_receipt ON redemption_lines(village_code, receipt_no);
CREATE INDEX redemption_lines_household ON redemption_lines(village_code, household_id, year);

CREATE TABLE day_closes (
  village_code TEXT NOT NULL,
  counter_id   TEXT NOT NULL,
  close_no     INTEGER NOT NULL,
  local_date   TEXT NOT NULL,
  count        INTEGER NOT NULL,
  points       INTEGER NOT NULL,
  voids        INTEGER NOT NULL,
  void_points  INTEGER NOT NULL,
  PRIMARY KEY (village_code, counter_id, close_no)
);

CREATE TABLE boards (
  village_code   TEXT NOT NULL,
  publication_id INTEGER NOT NULL,
  year           INTEGER NOT NULL,
  quarter        INTEGER NOT NULL,
  action         TEXT NOT NULL CHECK (action IN ('publish', 'withdraw')),
  withdraws_id   INTEGER,
  snapshot       JSONB,
  at             TEXT NOT NULL,
  PRIMARY KEY (village_code, publication_id)
);
-- "Has this publication been withdrawn?" per board on the dashboard.
CREATE INDEX boards_withdraws ON boards(village_code, withdraws_id) WHERE withdraws_id IS NOT NULL;

CREATE TABLE award_decisions (
  village_code TEXT NOT NULL,
  decision_id  INTEGER NOT NULL,
  award        TEXT NOT NULL,
  year         INTEGER NOT NULL,
  household_id INTEGER NOT NULL,
  decision     TEXT NOT NULL,
  score        INTEGER NOT NULL,
  PRIMARY KEY (village_code, decision_id)
);

CREATE TABLE funding (
  village_code  TEXT NOT NULL,
  movement_id   INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  month         INTEGER NOT NULL,
  source        TEXT NOT NULL,
  item_name     TEXT NOT NULL,
  qty           INTEGER NOT NULL,
  unit_cost_fen INTEGER NOT NULL,
  PRIMARY KEY (village_code, movement_id)
);

-- The villager page: only a hash of the QR token leaves the village; one live token per household.
CREATE TABLE household_tokens (
  token_hash   TEXT PRIMARY KEY,
  village_code TEXT NOT NULL,
  household_id INTEGER NOT NULL,
  UNIQUE (village_code, household_id)
);

-- ---------------------------------------------------------------- totals kept at ingest

-- Per village, year and month, kept in the ingest transaction so a county dashboard reads a few
-- thousand rows rather than millions of lines.
CREATE TABLE village_months (
  village_code TEXT NOT NULL,
  year         INTEGER NOT NULL,
  month        INTEGER NOT NULL,
  awarded      BIGINT NOT NULL DEFAULT 0,
  deducted     BIGINT NOT NULL DEFAULT 0,
  redeemed_goods    BIGINT NOT NULL DEFAULT 0,
  redeemed_services BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (village_code, year, month)
);

-- Households with any counted entry in a year (participation).
CREATE TABLE participation (
  village_code TEXT NOT NULL,
  year         INTEGER NOT NULL,
  household_id INTEGER NOT NULL,
  PRIMARY KEY (village_code, year, household_id)
);

-- Counts kept at ingest, so a county dashboard reads one row per village instead of counting
-- 300,000 households: households reported, and households with a counted entry per year.
CREATE TABLE village_households (
  village_code TEXT PRIMARY KEY,
  households   INTEGER NOT NULL
);
CREATE TABLE village_participation (
  village_code TEXT NOT NULL,
  year         INTEGER NOT NULL,
  households   INTEGER NOT NULL,
  PRIMARY KEY (village_code, year)
);
