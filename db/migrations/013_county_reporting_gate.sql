-- Reporting to the county starts when the office first pairs with it, not at install. Until then the
-- county triggers write nothing: most villages never report upward, and every redemption, approval
-- and stock receipt paid for county_outbox rows and county_dirty marks (about 1.6 of a redemption's
-- 26 written pages, and the trigger's view query) that nobody would read. At the first pairing,
-- startCountyReporting (electron/county/village/reporting.ts) sets 'local.county.reporting' and
-- queues everything that exists, from the same views, in the pairing's transaction; from then on the
-- triggers below queue each fact as it is written. A 'local.' key: the settings feed never sends it
-- to counters, which never report.

DROP TRIGGER county_ledger_review;
DROP TRIGGER county_ledger_reversal;
DROP TRIGGER county_redemption_line;
DROP TRIGGER county_redemption_void;
DROP TRIGGER county_household_new;
DROP TRIGGER county_household_changed;
DROP TRIGGER county_day_close;
DROP TRIGGER county_board;
DROP TRIGGER county_award_decision;
DROP TRIGGER county_funding;
DROP TRIGGER county_dirty_insert;
DROP TRIGGER county_dirty_update;

-- An entry counts from its approval, together with any reversal already written (as account_totals, 007).
CREATE TRIGGER county_ledger_review AFTER INSERT ON point_reviews
  WHEN NEW.decision = 'approve' AND EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'ledger.line', v.payload, NEW.reviewed_at FROM county_ledger_line_v v
    WHERE v.entry_id IN (SELECT id FROM point_entries WHERE (id = NEW.entry_id AND reverses_id IS NULL) OR reverses_id = NEW.entry_id)
    ORDER BY v.entry_id;
END;

CREATE TRIGGER county_ledger_reversal AFTER INSERT ON point_entries
  WHEN NEW.kind = 'reversal' AND EXISTS (SELECT 1 FROM point_reviews WHERE entry_id = NEW.reverses_id AND decision = 'approve')
    AND EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'ledger.line', payload, NEW.recorded_at FROM county_ledger_line_v WHERE entry_id = NEW.id;
END;

CREATE TRIGGER county_redemption_line AFTER INSERT ON redemption_lines
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'redemption.line', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_redemption_line_v WHERE line_id = NEW.id;
END;

CREATE TRIGGER county_redemption_void AFTER INSERT ON redemption_voids
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'redemption.void', json_object('receiptNo', receipt_no), NEW.at FROM redemptions WHERE id = NEW.redemption_id;
END;

CREATE TRIGGER county_household_new AFTER INSERT ON households
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'household', payload, NEW.created_at FROM county_household_v WHERE household_id = NEW.id;
END;

CREATE TRIGGER county_household_changed AFTER UPDATE OF head_name, grp ON households
  WHEN (OLD.head_name IS NOT NEW.head_name OR OLD.grp IS NOT NEW.grp) AND EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'household', payload, strftime('%Y-%m-%dT%H:%M:%fZ') FROM county_household_v WHERE household_id = NEW.id;
END;

CREATE TRIGGER county_day_close AFTER INSERT ON day_closes
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'day.close', payload, NEW.at FROM county_day_close_v WHERE close_id = NEW.id;
END;

CREATE TRIGGER county_board AFTER INSERT ON board_publications
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'board', payload, NEW.at FROM county_board_v WHERE publication_id = NEW.id;
END;

CREATE TRIGGER county_award_decision AFTER INSERT ON award_decisions
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'award.decision', payload, NEW.at FROM county_award_decision_v WHERE decision_id = NEW.id;
END;

CREATE TRIGGER county_funding AFTER INSERT ON stock_movements
  WHEN NEW.kind = 'receive' AND NEW.funding_source IS NOT NULL AND EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_outbox (uuid, type, payload, at)
    SELECT lower(hex(randomblob(16))), 'funding', payload, NEW.at FROM county_funding_v WHERE movement_id = NEW.id;
END;

-- Not INSERT OR IGNORE: inside a trigger the outer statement's conflict clause (account_totals' upsert) would override it.
CREATE TRIGGER county_dirty_insert AFTER INSERT ON account_totals
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_dirty (household_id, year) SELECT NEW.household_id, NEW.year
    WHERE NOT EXISTS (SELECT 1 FROM county_dirty WHERE household_id = NEW.household_id AND year = NEW.year);
END;
CREATE TRIGGER county_dirty_update AFTER UPDATE ON account_totals
  WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.reporting') BEGIN
  INSERT INTO county_dirty (household_id, year) SELECT NEW.household_id, NEW.year
    WHERE NOT EXISTS (SELECT 1 FROM county_dirty WHERE household_id = NEW.household_id AND year = NEW.year);
END;

-- A database that already queued facts (every office that ran 011 with data) keeps queuing them:
-- its outbox holds its history, so a backfill at pairing would send that history twice.
INSERT INTO settings (key, value)
  SELECT 'local.county.reporting', 'true'
  WHERE (EXISTS (SELECT 1 FROM county_outbox) OR EXISTS (SELECT 1 FROM county_dirty) OR EXISTS (SELECT 1 FROM settings WHERE key = 'local.county.link'))
    AND NOT EXISTS (SELECT 1 FROM settings WHERE key = 'sync.link');
