-- A rejected entry (驳回) is corrected by a NEW entry that points at it: the rejected row and its
-- review stay as they were (point_entries and point_reviews are append-only). One resubmission per
-- rejected entry; the new entry goes through review like any other.
CREATE TABLE point_resubmits (
  entry_id     INTEGER PRIMARY KEY REFERENCES point_entries(id),        -- the new entry
  resubmits_id INTEGER NOT NULL UNIQUE REFERENCES point_entries(id),    -- the rejected one it corrects
  at           TEXT NOT NULL
);
CREATE TRIGGER point_resubmits_no_update BEFORE UPDATE ON point_resubmits BEGIN SELECT RAISE(ABORT, 'append-only: point_resubmits'); END;
CREATE TRIGGER point_resubmits_no_delete BEFORE DELETE ON point_resubmits BEGIN SELECT RAISE(ABORT, 'append-only: point_resubmits'); END;
