-- The village office: members who moved away or died stay on the roster (entries may name them),
-- and photo evidence for point entries. Photos live in <dataDir>/photos/ under their sha256, so the
-- same picture attached twice is one file; this table records who attached what, and is append-only.

ALTER TABLE members ADD COLUMN active INTEGER NOT NULL DEFAULT 1;

CREATE INDEX households_grp ON households(grp, card_no);
CREATE INDEX point_entries_recorded_at ON point_entries(recorded_at);
CREATE INDEX members_id_no ON members(id_no);

CREATE TABLE point_photos (
  id          INTEGER PRIMARY KEY,
  entry_id    INTEGER NOT NULL REFERENCES point_entries(id),
  sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
  mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  size        INTEGER NOT NULL CHECK (size > 0),
  user_id     INTEGER NOT NULL REFERENCES users(id),
  at          TEXT NOT NULL
);
CREATE INDEX point_photos_entry ON point_photos(entry_id);

CREATE TRIGGER point_photos_no_update BEFORE UPDATE ON point_photos BEGIN SELECT RAISE(ABORT, 'append-only: point_photos'); END;
CREATE TRIGGER point_photos_no_delete BEFORE DELETE ON point_photos BEGIN SELECT RAISE(ABORT, 'append-only: point_photos'); END;
