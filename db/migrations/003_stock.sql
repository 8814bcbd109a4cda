-- Stock documents: receiving notes (入库单) and stocktake sheets (盘点表), numbered per counter and year.
-- A note's lines are its stock movements (receiving_note_id), so a printed note can never disagree with
-- the ledger. A stocktake keeps every counted line, variance or not, because the sheet and the public
-- notice show what was counted; each variance line points at the movement that adjusted the stock.

-- NULL: no threshold. Stock at or below it is shown as low at the counter and on the office home.
ALTER TABLE catalog_items ADD COLUMN low_stock_threshold INTEGER CHECK (low_stock_threshold IS NULL OR low_stock_threshold >= 0);

CREATE TABLE doc_counters (
  kind       TEXT NOT NULL CHECK (kind IN ('receiving', 'stocktake')),
  counter_id TEXT NOT NULL,
  year       INTEGER NOT NULL,
  last_no    INTEGER NOT NULL,
  PRIMARY KEY (kind, counter_id, year)
);

CREATE TABLE receiving_notes (
  id         INTEGER PRIMARY KEY,
  note_no    TEXT NOT NULL UNIQUE,
  counter_id TEXT NOT NULL,
  year       INTEGER NOT NULL,
  note       TEXT NOT NULL DEFAULT '',
  user_id    INTEGER NOT NULL REFERENCES users(id),
  at         TEXT NOT NULL,
  local_date TEXT NOT NULL
);
CREATE INDEX receiving_notes_date ON receiving_notes(local_date);

CREATE TABLE stocktakes (
  id         INTEGER PRIMARY KEY,
  sheet_no   TEXT NOT NULL UNIQUE,
  counter_id TEXT NOT NULL,
  year       INTEGER NOT NULL,
  scope      TEXT NOT NULL CHECK (scope IN ('all', 'partial')),
  note       TEXT NOT NULL DEFAULT '',
  user_id    INTEGER NOT NULL REFERENCES users(id),
  at         TEXT NOT NULL,
  local_date TEXT NOT NULL
);
CREATE INDEX stocktakes_date ON stocktakes(local_date);

ALTER TABLE stock_movements ADD COLUMN receiving_note_id INTEGER REFERENCES receiving_notes(id);
ALTER TABLE stock_movements ADD COLUMN stocktake_id INTEGER REFERENCES stocktakes(id);
CREATE INDEX stock_movements_note ON stock_movements(receiving_note_id) WHERE receiving_note_id IS NOT NULL;
CREATE INDEX stock_movements_stocktake ON stock_movements(stocktake_id) WHERE stocktake_id IS NOT NULL;
CREATE INDEX stock_movements_at ON stock_movements(at);

-- Names and units are copied: the sheet must read the same after an item is renamed.
CREATE TABLE stocktake_lines (
  id           INTEGER PRIMARY KEY,
  stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
  item_id      INTEGER NOT NULL REFERENCES catalog_items(id),
  item_name    TEXT NOT NULL,
  unit         TEXT NOT NULL,
  expected_qty INTEGER NOT NULL,
  counted_qty  INTEGER NOT NULL CHECK (counted_qty >= 0),
  delta        INTEGER NOT NULL,
  reason       TEXT NOT NULL DEFAULT '',
  movement_id  INTEGER REFERENCES stock_movements(id),
  UNIQUE (stocktake_id, item_id),
  CHECK (delta = counted_qty - expected_qty),
  CHECK ((delta = 0) = (movement_id IS NULL))
);

CREATE TRIGGER receiving_notes_no_update BEFORE UPDATE ON receiving_notes BEGIN SELECT RAISE(ABORT, 'append-only: receiving_notes'); END;
CREATE TRIGGER receiving_notes_no_delete BEFORE DELETE ON receiving_notes BEGIN SELECT RAISE(ABORT, 'append-only: receiving_notes'); END;
CREATE TRIGGER stocktakes_no_update BEFORE UPDATE ON stocktakes BEGIN SELECT RAISE(ABORT, 'append-only: stocktakes'); END;
CREATE TRIGGER stocktakes_no_delete BEFORE DELETE ON stocktakes BEGIN SELECT RAISE(ABORT, 'append-only: stocktakes'); END;
CREATE TRIGGER stocktake_lines_no_update BEFORE UPDATE ON stocktake_lines BEGIN SELECT RAISE(ABORT, 'append-only: stocktake_lines'); END;
CREATE TRIGGER stocktake_lines_no_delete BEFORE DELETE ON stocktake_lines BEGIN SELECT RAISE(ABORT, 'append-only: stocktake_lines'); END;
