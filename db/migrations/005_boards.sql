-- Boards and awards. Both tables are append-only: publishing a board (红黑榜) freezes what was
-- announced, and 撤榜 is a later row pointing at the publication it withdraws, so the history of
-- what the village showed, and who took it down and why, is never lost. Award decisions are the
-- people's choice recorded with the points shown when they chose; the latest decision per subject stands.

CREATE TABLE board_publications (
  id           INTEGER PRIMARY KEY,
  year         INTEGER NOT NULL,
  quarter      INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  action       TEXT NOT NULL CHECK (action IN ('publish', 'withdraw')),
  basis        TEXT CHECK (basis IN ('quarter', 'ytd')),
  period_from  TEXT,
  period_to    TEXT,
  snapshot     TEXT, -- JSON {red, black} exactly as published
  withdraws_id INTEGER UNIQUE REFERENCES board_publications(id),
  reason       TEXT NOT NULL DEFAULT '',
  user_id      INTEGER NOT NULL REFERENCES users(id),
  at           TEXT NOT NULL,
  CHECK ((action = 'publish') = (snapshot IS NOT NULL AND basis IS NOT NULL AND period_from IS NOT NULL AND period_to IS NOT NULL)),
  CHECK ((action = 'withdraw') = (withdraws_id IS NOT NULL))
);
CREATE INDEX board_publications_quarter ON board_publications(year, quarter, id);

CREATE TABLE award_decisions (
  id           INTEGER PRIMARY KEY,
  award        TEXT NOT NULL CHECK (award IN ('star_party_member', 'civilized_household', 'filial_family', 'moral_model')),
  year         INTEGER NOT NULL,
  household_id INTEGER NOT NULL REFERENCES households(id),
  person_id    INTEGER REFERENCES members(id),
  decision     TEXT NOT NULL CHECK (decision IN ('awarded', 'not_awarded')),
  rank         INTEGER,
  score        INTEGER NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  user_id      INTEGER NOT NULL REFERENCES users(id),
  at           TEXT NOT NULL
);
CREATE INDEX award_decisions_award_year ON award_decisions(award, year, id);

CREATE TRIGGER board_publications_no_update BEFORE UPDATE ON board_publications BEGIN SELECT RAISE(ABORT, 'append-only: board_publications'); END;
CREATE TRIGGER board_publications_no_delete BEFORE DELETE ON board_publications BEGIN SELECT RAISE(ABORT, 'append-only: board_publications'); END;
CREATE TRIGGER award_decisions_no_update BEFORE UPDATE ON award_decisions BEGIN SELECT RAISE(ABORT, 'append-only: award_decisions'); END;
CREATE TRIGGER award_decisions_no_delete BEFORE DELETE ON award_decisions BEGIN SELECT RAISE(ABORT, 'append-only: award_decisions'); END;
