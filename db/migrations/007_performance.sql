-- Each household's yearly totals, kept by triggers in the same transaction as the rows they sum, so
-- a redemption checks "available" with one primary-key read instead of summing the year's entries.
-- Exactly what loadAccount's ledger query counts when there is no public-notice period: approved
-- awards and deductions, each reversal once the entry it reverses is approved (netted against that
-- entry's heading), and redemptions less voids. The ledger tables are append-only (their triggers
-- refuse UPDATE and DELETE), so inserts are all there is to follow. With a notice period the
-- ledger query is used instead, since what counts then depends on the time of asking.
CREATE TABLE account_totals (
  household_id INTEGER NOT NULL,
  year         INTEGER NOT NULL,
  awarded      INTEGER NOT NULL DEFAULT 0,
  deducted     INTEGER NOT NULL DEFAULT 0,
  redeemed     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (household_id, year)
) WITHOUT ROWID;

-- An approval makes the entry count, and any reversal already written against it.
CREATE TRIGGER account_totals_review AFTER INSERT ON point_reviews WHEN NEW.decision = 'approve' BEGIN
  INSERT INTO account_totals (household_id, year, awarded, deducted)
    SELECT household_id, year,
      CASE WHEN kind = 'award' OR (kind = 'reversal' AND points < 0) THEN points ELSE 0 END,
      CASE WHEN kind = 'deduction' OR (kind = 'reversal' AND points > 0) THEN -points ELSE 0 END
    FROM point_entries WHERE (id = NEW.entry_id AND reverses_id IS NULL) OR reverses_id = NEW.entry_id
  ON CONFLICT (household_id, year) DO UPDATE SET awarded = awarded + excluded.awarded, deducted = deducted + excluded.deducted;
END;

-- A reversal of an approved entry counts at once.
CREATE TRIGGER account_totals_reversal AFTER INSERT ON point_entries
  WHEN NEW.kind = 'reversal' AND EXISTS (SELECT 1 FROM point_reviews WHERE entry_id = NEW.reverses_id AND decision = 'approve') BEGIN
  INSERT INTO account_totals (household_id, year, awarded, deducted)
    VALUES (NEW.household_id, NEW.year, CASE WHEN NEW.points < 0 THEN NEW.points ELSE 0 END, CASE WHEN NEW.points > 0 THEN -NEW.points ELSE 0 END)
  ON CONFLICT (household_id, year) DO UPDATE SET awarded = awarded + excluded.awarded, deducted = deducted + excluded.deducted;
END;

CREATE TRIGGER account_totals_redemption AFTER INSERT ON redemptions BEGIN
  INSERT INTO account_totals (household_id, year, redeemed) VALUES (NEW.household_id, NEW.year, NEW.total_points)
  ON CONFLICT (household_id, year) DO UPDATE SET redeemed = redeemed + excluded.redeemed;
END;

CREATE TRIGGER account_totals_void AFTER INSERT ON redemption_voids BEGIN
  UPDATE account_totals SET redeemed = redeemed - (SELECT total_points FROM redemptions WHERE id = NEW.redemption_id)
    WHERE (household_id, year) = (SELECT household_id, year FROM redemptions WHERE id = NEW.redemption_id);
END;

-- The totals of everything written before this migration.
INSERT INTO account_totals (household_id, year, awarded, deducted, redeemed)
  SELECT h, y, SUM(a), SUM(d), SUM(r) FROM (
    SELECT e.household_id AS h, e.year AS y,
      CASE WHEN e.kind = 'award' OR (e.kind = 'reversal' AND e.points < 0) THEN e.points ELSE 0 END AS a,
      CASE WHEN e.kind = 'deduction' OR (e.kind = 'reversal' AND e.points > 0) THEN -e.points ELSE 0 END AS d, 0 AS r
    FROM point_entries e JOIN point_reviews rv ON rv.entry_id = COALESCE(e.reverses_id, e.id) AND rv.decision = 'approve'
    UNION ALL
    SELECT d.household_id, d.year, 0, 0, d.total_points FROM redemptions d
      WHERE NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id)
  ) GROUP BY h, y;

-- Boards, award lists and reports sum the counted entries of a period (occurred_on BETWEEN …) with no
-- household or year in the filter, so no index applied and every board read the whole table.
-- Entries are recorded roughly in date order, so this range also reads their reviews in order.
CREATE INDEX point_entries_period ON point_entries(occurred_on, household_id, category, kind, points, reverses_id);
