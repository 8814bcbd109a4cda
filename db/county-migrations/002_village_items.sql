-- Redemptions per item (goods and services), per village, year and month: kept in the ingest
-- transaction beside village_months (a redemption line adds, a void takes its lines back), so a
-- dashboard's "redemption by goods and services" reads a few thousand rows, not every line.
CREATE TABLE village_items (
  village_code TEXT NOT NULL,
  year         INTEGER NOT NULL,
  month        INTEGER NOT NULL,
  item_kind    TEXT NOT NULL CHECK (item_kind IN ('goods', 'service')),
  item_name    TEXT NOT NULL,
  qty          BIGINT NOT NULL DEFAULT 0,
  points       BIGINT NOT NULL DEFAULT 0,
  lines        INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (village_code, year, month, item_kind, item_name)
);

-- What was ingested before this migration: the same figures from the lines themselves.
INSERT INTO village_items (village_code, year, month, item_kind, item_name, qty, points, lines)
SELECT village_code, year, substr(local_date, 6, 2)::int, item_kind, item_name, SUM(qty), SUM(points), COUNT(*)
FROM redemption_lines WHERE NOT voided
GROUP BY village_code, year, substr(local_date, 6, 2)::int, item_kind, item_name;
