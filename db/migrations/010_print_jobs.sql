-- Print jobs (issue 11). Every print is a job with an id; its states are rows in print_job_events
-- (queued → sent → done | failed, and a late done when a job reported failed completes after all).
-- Both tables are append-only: a job's state is its latest event.
--
-- copy: a receipt or void slip is printed as an original at most once. The job that claims the
-- original is the first whose bytes may have reached the printer (it has a 'sent' event) or that is
-- still in flight; every later job for the same redemption and kind is a reprint (重打). The claim is
-- decided in the job's own write transaction (electron/core/domains/printer/jobs.ts).
CREATE TABLE print_jobs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('receipt', 'void', 'test', 'close', 'day_summary')),
  redemption_id INTEGER REFERENCES redemptions(id),
  receipt_no    TEXT,
  copy          TEXT CHECK (copy IN ('original', 'reprint')),
  -- How it was sent: epson / star (raw ESC/POS), driver (the OS's printer), browser (print dialog).
  via           TEXT NOT NULL,
  target        TEXT NOT NULL,
  copies        INTEGER NOT NULL CHECK (copies BETWEEN 1 AND 5),
  user_id       INTEGER REFERENCES users(id),
  at            TEXT NOT NULL,
  CHECK ((kind IN ('receipt', 'void')) = (redemption_id IS NOT NULL AND copy IS NOT NULL))
);
CREATE INDEX print_jobs_redemption ON print_jobs(redemption_id, kind);

CREATE TABLE print_job_events (
  id     INTEGER PRIMARY KEY,
  job_id INTEGER NOT NULL REFERENCES print_jobs(id),
  state  TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'done', 'failed')),
  -- failed: why (printer_timeout, printer_unreachable, paper_out, cover_open, driver_failed, printer_error).
  reason TEXT,
  -- done after the job was reported failed (a stuck device that came back).
  late   INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
  at     TEXT NOT NULL
);
CREATE INDEX print_job_events_job ON print_job_events(job_id, id);

-- The void slip's 作废后可用积分, taken in the void's own transaction, so a reprint years later
-- shows what the household had at the moment of the void.
CREATE TABLE void_slips (
  redemption_id   INTEGER PRIMARY KEY REFERENCES redemptions(id),
  available_after INTEGER NOT NULL,
  at              TEXT NOT NULL
);

CREATE TRIGGER print_jobs_no_update BEFORE UPDATE ON print_jobs BEGIN SELECT RAISE(ABORT, 'append-only: print_jobs'); END;
CREATE TRIGGER print_jobs_no_delete BEFORE DELETE ON print_jobs BEGIN SELECT RAISE(ABORT, 'append-only: print_jobs'); END;
CREATE TRIGGER print_job_events_no_update BEFORE UPDATE ON print_job_events BEGIN SELECT RAISE(ABORT, 'append-only: print_job_events'); END;
CREATE TRIGGER print_job_events_no_delete BEFORE DELETE ON print_job_events BEGIN SELECT RAISE(ABORT, 'append-only: print_job_events'); END;
CREATE TRIGGER void_slips_no_update BEFORE UPDATE ON void_slips BEGIN SELECT RAISE(ABORT, 'append-only: void_slips'); END;
CREATE TRIGGER void_slips_no_delete BEFORE DELETE ON void_slips BEGIN SELECT RAISE(ABORT, 'append-only: void_slips'); END;
