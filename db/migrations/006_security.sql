-- Issue 7 (security, reliability, benchmark).
-- A household's account is summed at every card lookup and inside every redemption's transaction.
-- With every column that sum reads in the index, the entries of one household and year are read
-- from a few adjacent index pages instead of one table page per entry: at county scale (10M entries)
-- those table pages are scattered across the file. It starts with (household_id, year), so it also
-- serves everything the index it replaces did.
CREATE INDEX point_entries_account ON point_entries(household_id, year, reverses_id, kind, points);
DROP INDEX point_entries_household_year;

