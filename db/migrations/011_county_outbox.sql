-- Reporting upward to the county (issue 13). Facts reach county_outbox by trigger, in the same
-- transaction as the rows they describe, so an event exists exactly when its fact does, whichever
-- code path wrote the fact (a handler here, or the sync apply of a counter's event). Each payload is
-- built by one view, used by the trigger and by the backfill below; names are kept, ID numbers and
-- phones never appear. Counters paired with an office (settings 'sync.link') write nothing: only the
-- office, which holds the whole village, reports upward.
-- Household yearly totals change with nearly every write, so they are coalesced: a trigger marks the
-- (household, year) dirty and the push turns each mark into one snapshot event (after the lines that
-- caused it, so the county can check the snapshot against them).

CREATE TABLE county_outbox (
  seq     INTEGER PRIMARY KEY,
  uuid    TEXT NOT NULL UNIQUE,
  type    TEXT NOT NULL,
  payload TEXT NOT NULL,
  at      TEXT NOT NULL
);
CREATE TRIGGER county_outbox_no_update BEFORE UPDATE ON county_outbox BEGIN SELECT RAISE(ABORT, 'append-only: county_outbox'); END;
CREATE TRIGGER county_outbox_no_delete BEFORE DELETE ON county_outbox BEGIN SELECT RAISE(ABORT, 'append-only: county_outbox'); END;

CREATE TABLE county_dirty (
  household_id INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  PRIMARY KEY (household_id, year)
) WITHOUT ROWID;

-- The villager page's QR token (the village prints it; the county only ever sees its hash).
CREATE TABLE household_qr_tokens (
  household_id INTEGER PRIMARY KEY REFERENCES households(id),
  token        TEXT NOT NULL UNIQUE,
  issued_at    TEXT NOT NULL
);

-- ---------------------------------------------------------------- one view per event type

CREATE VIEW county_ledger_line_v AS
  SELECT e.id AS entry_id, json_object('entryId', e.id, 'householdId', e.household_id, 'year', e.year, 'date', e.occurred_on,
      'category', e.category, 'rule', e.rule_name, 'heading', COALESCE(o.kind, e.kind), 'reversal', json(CASE WHEN e.kind = 'reversal' THEN 'true' ELSE 'false' END),
      'points', e.points) AS payload
  FROM point_entries e LEFT JOIN point_entries o ON o.id = e.reverses_id;

CREATE VIEW county_redemption_line_v AS
  SELECT l.id AS line_id, json_object('lineId', l.id, 'receiptNo', d.receipt_no, 'householdId', d.household_id, 'year', d.year,
      'date', d.local_date, 'counterId', d.counter_id, 'itemKind', l.item_kind, 'itemName', l.item_name, 'qty', l.qty, 'points', l.line_points) AS payload
  FROM redemption_lines l JOIN redemptions d ON d.id = l.redemption_id;

CREATE VIEW county_household_v AS
  SELECT id AS household_id, json_object('householdId', id, 'name', head_name, 'group', grp) AS payload FROM households;

CREATE VIEW county_day_close_v AS
  SELECT id AS close_id, json_object('counterId', counter_id, 'closeNo', close_no, 'date', local_date, 'count', count, 'points', points,
      'voids', voids, 'voidPoints', void_points) AS payload FROM day_closes;

-- Board rows go up with household id, name, group, score and rank only (no card numbers).
CREATE VIEW county_board_v AS
  SELECT b.id AS publication_id, json_object('publicationId', b.id, 'year', b.year, 'quarter', b.quarter, 'action', b.action,
      'withdrawsId', b.withdraws_id,
      'snapshot', CASE WHEN b.snapshot IS NULL THEN json('null') ELSE json_object(
        'red', (SELECT json_group_array(json_object('householdId', json_extract(r.value, '$.householdId'), 'name', json_extract(r.value, '$.headName'),
                 'group', json_extract(r.value, '$.group'), 'score', json_extract(r.value, '$.score'), 'rank', json_extract(r.value, '$.rank')))
                FROM json_each(b.snapshot, '$.red') r),
        'black', (SELECT json_group_array(json_object('householdId', json_extract(r.value, '$.householdId'), 'name', json_extract(r.value, '$.headName'),
                 'group', json_extract(r.value, '$.group'), 'score', json_extract(r.value, '$.score'), 'rank', json_extract(r.value, '$.rank')))
                FROM json_each(b.snapshot, '$.black') r)) END,
      'at', b.at) AS payload
  FROM board_publications b;

CREATE VIEW county_award_decision_v AS
  SELECT id AS decision_id, json_object('decisionId', id, 'award', award, 'year', year, 'householdId', household_id, 'decision', decision,
      'score', score) AS payload FROM award_decisions;

CREATE VIEW county_funding_v AS
  SELECT id AS movement_id, json_object('movementId', id, 'date', substr(at, 1, 10), 'source', funding_source, 'itemName',
      (SELECT name FROM catalog_items WHERE id = item_id), 'qty', delta, 'unitCostFen', COALESCE(unit_cost_fen, 0)) AS payload
  FROM stock_movements WHERE kind = 'receive' AND funding_source IS NOT NULL;

-- ---------------------------------------------------------------- triggers

-- An entry counts from its approval, together with any reversal already written (as account_totals, 007).
CREATE TRIGGER county_ledger_review AFTER INSERT ON point_reviews
  WHEN NEW.decision = 'approve' AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'ledger.line', v.payload, NEW.reviewed_at FROM county_ledger_line_v v
    WHERE v.entry_id IN (SELECT id FROM point_entries WHERE (id = NEW.entry_id AND reverses_id IS NULL) OR reverses_id = NEW.entry_id)
    ORDER BY v.entry_id;
END;

CREATE TRIGGER county_ledger_reversal AFTER INSERT ON point_entries
  WHEN NEW.kind = 'reversal' AND EXISTS (SELECT 1 FROM point_reviews WHERE entry_id = NEW.reverses_id AND decision = 'approve')
    AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'ledger.line', payload, NEW.recorded_at FROM county_ledger_line_v WHERE entry_id = NEW.id;
END;

CREATE TRIGGER county_redemption_line AFTER INSERT ON redemption_lines
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'redemption.line', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_redemption_line_v WHERE line_id = NEW.id;
END;

CREATE TRIGGER county_redemption_void AFTER INSERT ON redemption_voids
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'redemption.void', json_object('receiptNo', receipt_no), NEW.at FROM redemptions WHERE id = NEW.redemption_id;
END;

CREATE TRIGGER county_household_new AFTER INSERT ON households
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'household', payload, NEW.created_at FROM county_household_v WHERE household_id = NEW.id;
END;

CREATE TRIGGER county_household_changed AFTER UPDATE OF head_name, grp ON households
  WHEN (OLD.head_name IS NOT NEW.head_name OR OLD.grp IS NOT NEW.grp) AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'household', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_household_v WHERE household_id = NEW.id;
END;

CREATE TRIGGER county_day_close AFTER INSERT ON day_closes
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'day.close', payload, NEW.at FROM county_day_close_v WHERE close_id = NEW.id;
END;

CREATE TRIGGER county_board AFTER INSERT ON board_publications
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'board', payload, NEW.at FROM county_board_v WHERE publication_id = NEW.id;
END;

CREATE TRIGGER county_award_decision AFTER INSERT ON award_decisions
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'award.decision', payload, NEW.at FROM county_award_decision_v WHERE decision_id = NEW.id;
END;

CREATE TRIGGER county_funding AFTER INSERT ON stock_movements
  WHEN NEW.kind = 'receive' AND NEW.funding_source IS NOT NULL AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'funding', payload, NEW.at FROM county_funding_v WHERE movement_id = NEW.id;
END;

-- Not INSERT OR IGNORE: inside a trigger the outer statement's conflict clause (account_totals' upsert) would override it.
CREATE TRIGGER county_dirty_insert AFTER INSERT ON account_totals
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_dirty (household_id, year) SELECT NEW.household_id, NEW.year
    WHERE NOT EXISTS (SELECT 1 FROM county_dirty WHERE household_id = NEW.household_id AND year = NEW.year);
END;
CREATE TRIGGER county_dirty_update AFTER UPDATE ON account_totals
  WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') BEGIN
  INSERT INTO county_dirty (household_id, year) SELECT NEW.household_id, NEW.year
    WHERE NOT EXISTS (SELECT 1 FROM county_dirty WHERE household_id = NEW.household_id AND year = NEW.year);
END;

-- ---------------------------------------------------------------- what existed before this migration

INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'household', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_household_v
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY household_id;
INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'ledger.line', v.payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_ledger_line_v v
  JOIN point_entries e ON e.id = v.entry_id JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id) AND r.decision = 'approve'
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY v.entry_id;
INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'redemption.line', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_redemption_line_v
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY line_id;
INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'redemption.void', json_object('receiptNo', d.receipt_no), v.at FROM redemption_voids v JOIN redemptions d ON d.id = v.redemption_id
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY v.id;
INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'day.close', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_day_close_v
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY close_id;
INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'board', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_board_v
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY publication_id;
INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'award.decision', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_award_decision_v
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY decision_id;
INSERT INTO county_outbox (uuid, type, payload, at)
  SELECT lower(hex(randomblob(16))), 'funding', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_funding_v
  WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link') ORDER BY movement_id;
INSERT OR IGNORE INTO county_dirty (household_id, year)
  SELECT household_id, year FROM account_totals WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link');
