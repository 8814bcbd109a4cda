-- Totals for the reports and boards, kept by triggers in the same transaction as the ledger rows,
-- like account_totals (007), so the annual report and the quarterly board read a few hundred thousand
-- small rows instead of summing every entry of the year (a county has ten million).
--
-- They hold exactly what the ledger queries count with no public-notice period: approved awards and
-- deductions, and each reversal once the entry it reverses is approved, netted against that entry's
-- heading (reversing an award lowers "awarded"). An entry belongs to the village date it happened on
-- (occurred_on). The ledger is append-only (001's triggers refuse UPDATE and DELETE) and an approval
-- is never taken back, so following inserts is all there is to it, and what counts only grows. With a
-- notice period, the readers take back the approvals still in notice from the ledger (reports/point-totals.ts).

-- Per village date and category: what reports.summary sums (by category, by month). `entries` counts
-- originals, `counted` originals and reversals (a category is listed when it has any).
CREATE TABLE report_day_totals (
  occurred_on TEXT NOT NULL,
  category    TEXT NOT NULL,
  awarded     INTEGER NOT NULL DEFAULT 0,
  deducted    INTEGER NOT NULL DEFAULT 0,
  entries     INTEGER NOT NULL DEFAULT 0,
  counted     INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (occurred_on, category)
) WITHOUT ROWID;

-- Per household, category and calendar year (of occurred_on), month by month: dM has bit (day - 1)
-- set for each day of month M with a counting entry (an original; its reversal shares its household,
-- category and date), so "households with points" is exact for any period, day by day; pM is the
-- month's net points (entries and reversals), which is what a board ranks by.
CREATE TABLE report_household_months (
  year         INTEGER NOT NULL,
  household_id INTEGER NOT NULL,
  category     TEXT NOT NULL,
  d1 INTEGER NOT NULL DEFAULT 0,
  d2 INTEGER NOT NULL DEFAULT 0,
  d3 INTEGER NOT NULL DEFAULT 0,
  d4 INTEGER NOT NULL DEFAULT 0,
  d5 INTEGER NOT NULL DEFAULT 0,
  d6 INTEGER NOT NULL DEFAULT 0,
  d7 INTEGER NOT NULL DEFAULT 0,
  d8 INTEGER NOT NULL DEFAULT 0,
  d9 INTEGER NOT NULL DEFAULT 0,
  d10 INTEGER NOT NULL DEFAULT 0,
  d11 INTEGER NOT NULL DEFAULT 0,
  d12 INTEGER NOT NULL DEFAULT 0,
  p1 INTEGER NOT NULL DEFAULT 0,
  p2 INTEGER NOT NULL DEFAULT 0,
  p3 INTEGER NOT NULL DEFAULT 0,
  p4 INTEGER NOT NULL DEFAULT 0,
  p5 INTEGER NOT NULL DEFAULT 0,
  p6 INTEGER NOT NULL DEFAULT 0,
  p7 INTEGER NOT NULL DEFAULT 0,
  p8 INTEGER NOT NULL DEFAULT 0,
  p9 INTEGER NOT NULL DEFAULT 0,
  p10 INTEGER NOT NULL DEFAULT 0,
  p11 INTEGER NOT NULL DEFAULT 0,
  p12 INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (year, household_id, category)
) WITHOUT ROWID;

-- An approval makes the entry count, and any reversal already written against it.
CREATE TRIGGER report_totals_review AFTER INSERT ON point_reviews WHEN NEW.decision = 'approve' BEGIN
  INSERT INTO report_day_totals (occurred_on, category, awarded, deducted, entries, counted)
    SELECT e.occurred_on, e.category,
      CASE WHEN o.kind = 'award' THEN e.points ELSE 0 END,
      CASE WHEN o.kind = 'deduction' THEN -e.points ELSE 0 END,
      e.kind <> 'reversal', 1
    FROM point_entries o JOIN point_entries e ON e.id = o.id OR e.reverses_id = o.id
    WHERE o.id = NEW.entry_id AND o.reverses_id IS NULL
  ON CONFLICT (occurred_on, category) DO UPDATE SET awarded = awarded + excluded.awarded, deducted = deducted + excluded.deducted,
    entries = entries + excluded.entries, counted = counted + excluded.counted;
  INSERT INTO report_household_months (year, household_id, category, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12,
      p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12)
    SELECT x.y, x.household_id, x.category,
      CASE x.m WHEN 1 THEN x.bit ELSE 0 END, CASE x.m WHEN 2 THEN x.bit ELSE 0 END, CASE x.m WHEN 3 THEN x.bit ELSE 0 END, CASE x.m WHEN 4 THEN x.bit ELSE 0 END, CASE x.m WHEN 5 THEN x.bit ELSE 0 END, CASE x.m WHEN 6 THEN x.bit ELSE 0 END, CASE x.m WHEN 7 THEN x.bit ELSE 0 END, CASE x.m WHEN 8 THEN x.bit ELSE 0 END, CASE x.m WHEN 9 THEN x.bit ELSE 0 END, CASE x.m WHEN 10 THEN x.bit ELSE 0 END, CASE x.m WHEN 11 THEN x.bit ELSE 0 END, CASE x.m WHEN 12 THEN x.bit ELSE 0 END,
      CASE x.m WHEN 1 THEN x.points ELSE 0 END, CASE x.m WHEN 2 THEN x.points ELSE 0 END, CASE x.m WHEN 3 THEN x.points ELSE 0 END, CASE x.m WHEN 4 THEN x.points ELSE 0 END, CASE x.m WHEN 5 THEN x.points ELSE 0 END, CASE x.m WHEN 6 THEN x.points ELSE 0 END, CASE x.m WHEN 7 THEN x.points ELSE 0 END, CASE x.m WHEN 8 THEN x.points ELSE 0 END, CASE x.m WHEN 9 THEN x.points ELSE 0 END, CASE x.m WHEN 10 THEN x.points ELSE 0 END, CASE x.m WHEN 11 THEN x.points ELSE 0 END, CASE x.m WHEN 12 THEN x.points ELSE 0 END
    FROM (SELECT CAST(substr(e.occurred_on, 1, 4) AS INTEGER) AS y, CAST(substr(e.occurred_on, 6, 2) AS INTEGER) AS m,
        CASE WHEN e.kind <> 'reversal' THEN 1 << (CAST(substr(e.occurred_on, 9, 2) AS INTEGER) - 1) ELSE 0 END AS bit,
        e.household_id, e.category, e.points
      FROM point_entries o JOIN point_entries e ON e.id = o.id OR e.reverses_id = o.id
      WHERE o.id = NEW.entry_id AND o.reverses_id IS NULL) x
    WHERE true
  ON CONFLICT (year, household_id, category) DO UPDATE SET
    d1 = d1 | excluded.d1, d2 = d2 | excluded.d2, d3 = d3 | excluded.d3, d4 = d4 | excluded.d4, d5 = d5 | excluded.d5, d6 = d6 | excluded.d6,
    d7 = d7 | excluded.d7, d8 = d8 | excluded.d8, d9 = d9 | excluded.d9, d10 = d10 | excluded.d10, d11 = d11 | excluded.d11, d12 = d12 | excluded.d12,
    p1 = p1 + excluded.p1, p2 = p2 + excluded.p2, p3 = p3 + excluded.p3, p4 = p4 + excluded.p4, p5 = p5 + excluded.p5, p6 = p6 + excluded.p6,
    p7 = p7 + excluded.p7, p8 = p8 + excluded.p8, p9 = p9 + excluded.p9, p10 = p10 + excluded.p10, p11 = p11 + excluded.p11, p12 = p12 + excluded.p12;
END;

-- A reversal of an approved entry counts at once.
CREATE TRIGGER report_totals_reversal AFTER INSERT ON point_entries
  WHEN NEW.kind = 'reversal' AND EXISTS (SELECT 1 FROM point_reviews WHERE entry_id = NEW.reverses_id AND decision = 'approve') BEGIN
  INSERT INTO report_day_totals (occurred_on, category, awarded, deducted, entries, counted)
    SELECT NEW.occurred_on, NEW.category,
      CASE WHEN o.kind = 'award' THEN NEW.points ELSE 0 END,
      CASE WHEN o.kind = 'deduction' THEN -NEW.points ELSE 0 END, 0, 1
    FROM point_entries o WHERE o.id = NEW.reverses_id
  ON CONFLICT (occurred_on, category) DO UPDATE SET awarded = awarded + excluded.awarded, deducted = deducted + excluded.deducted,
    counted = counted + excluded.counted;
  INSERT INTO report_household_months (year, household_id, category, p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12)
    SELECT x.y, NEW.household_id, NEW.category, CASE x.m WHEN 1 THEN NEW.points ELSE 0 END, CASE x.m WHEN 2 THEN NEW.points ELSE 0 END, CASE x.m WHEN 3 THEN NEW.points ELSE 0 END, CASE x.m WHEN 4 THEN NEW.points ELSE 0 END, CASE x.m WHEN 5 THEN NEW.points ELSE 0 END, CASE x.m WHEN 6 THEN NEW.points ELSE 0 END, CASE x.m WHEN 7 THEN NEW.points ELSE 0 END, CASE x.m WHEN 8 THEN NEW.points ELSE 0 END, CASE x.m WHEN 9 THEN NEW.points ELSE 0 END, CASE x.m WHEN 10 THEN NEW.points ELSE 0 END, CASE x.m WHEN 11 THEN NEW.points ELSE 0 END, CASE x.m WHEN 12 THEN NEW.points ELSE 0 END
    FROM (SELECT CAST(substr(NEW.occurred_on, 1, 4) AS INTEGER) AS y, CAST(substr(NEW.occurred_on, 6, 2) AS INTEGER) AS m) x
    WHERE true
  ON CONFLICT (year, household_id, category) DO UPDATE SET
    p1 = p1 + excluded.p1, p2 = p2 + excluded.p2, p3 = p3 + excluded.p3, p4 = p4 + excluded.p4, p5 = p5 + excluded.p5, p6 = p6 + excluded.p6,
    p7 = p7 + excluded.p7, p8 = p8 + excluded.p8, p9 = p9 + excluded.p9, p10 = p10 + excluded.p10, p11 = p11 + excluded.p11, p12 = p12 + excluded.p12;
END;

-- With a public-notice period the readers look up the approvals still in notice: the latest ones.
CREATE INDEX point_reviews_approved_at ON point_reviews(reviewed_at) WHERE decision = 'approve';

-- The totals of everything written before this migration: every counting row, as the ledger queries count them.
INSERT INTO report_day_totals (occurred_on, category, awarded, deducted, entries, counted)
  SELECT e.occurred_on, e.category,
    SUM(CASE WHEN COALESCE(o.kind, e.kind) = 'award' THEN e.points ELSE 0 END),
    SUM(CASE WHEN COALESCE(o.kind, e.kind) = 'deduction' THEN -e.points ELSE 0 END),
    SUM(e.kind <> 'reversal'), COUNT(*)
  FROM point_entries e LEFT JOIN point_entries o ON o.id = e.reverses_id
    JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id) AND r.decision = 'approve'
  GROUP BY e.occurred_on, e.category;

-- Day by day first (a day's bit is added once, so the sum of a month's bits is their OR), then by month.
INSERT INTO report_household_months (year, household_id, category, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11, d12,
    p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12)
  SELECT x.y, x.household_id, x.category,
    SUM(CASE x.m WHEN 1 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 2 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 3 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 4 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 5 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 6 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 7 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 8 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 9 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 10 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 11 THEN x.bit ELSE 0 END), SUM(CASE x.m WHEN 12 THEN x.bit ELSE 0 END),
    SUM(CASE x.m WHEN 1 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 2 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 3 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 4 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 5 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 6 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 7 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 8 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 9 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 10 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 11 THEN x.points ELSE 0 END), SUM(CASE x.m WHEN 12 THEN x.points ELSE 0 END)
  FROM (SELECT CAST(substr(e.occurred_on, 1, 4) AS INTEGER) AS y, CAST(substr(e.occurred_on, 6, 2) AS INTEGER) AS m,
      CASE WHEN MAX(e.kind <> 'reversal') THEN 1 << (CAST(substr(e.occurred_on, 9, 2) AS INTEGER) - 1) ELSE 0 END AS bit,
      e.household_id, e.category, SUM(e.points) AS points
    FROM point_entries e JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id) AND r.decision = 'approve'
    GROUP BY e.household_id, e.category, e.occurred_on) x
  GROUP BY x.y, x.household_id, x.category;
