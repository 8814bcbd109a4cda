import type { ErrorReason } from '../../error-reasons.js';
import type { DB } from '../../../../db/connection.js';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { stmt } from '../../statements.js';

export type JobKind = 'receipt' | 'void' | 'test' | 'close' | 'day_summary';
export type Copy = 'original' | 'reprint';
export type JobState = 'queued' | 'sent' | 'done' | 'failed';

/**
 * Has the original of this receipt (or void slip) been claimed? By a job whose bytes may have
 * reached the printer (it was sent: even one that later "failed" may still print, and a late
 * completion proves it), or by a job still in flight; or, for receipts printed before print jobs
 * existed, by the old print log. A job that failed before sending anything releases nothing it
 * held: it never held the claim in the first place.
 */
export function originalClaimed(db: DB, redemptionId: number, kind: 'receipt' | 'void'): boolean {
  const legacy = kind === 'void' ? `'void'` : `'receipt', 'reprint'`;
  return (
    stmt(
      db,
      `SELECT 1 WHERE EXISTS (SELECT 1 FROM receipt_prints WHERE redemption_id = @r AND kind IN (${legacy}))
    OR EXISTS (SELECT 1 FROM print_jobs j WHERE j.redemption_id = @r AND j.kind = @k AND (
      EXISTS (SELECT 1 FROM print_job_events e WHERE e.job_id = j.id AND e.state IN ('sent', 'done'))
      OR NOT EXISTS (SELECT 1 FROM print_job_events e WHERE e.job_id = j.id AND e.state = 'failed')))`,
    ).get({ r: redemptionId, k: kind }) !== undefined
  );
}

export interface NewJob {
  kind: JobKind;
  redemptionId?: number;
  receiptNo?: string;
  via: string;
  target: string;
  copies: number;
}

/**
 * Queues a job. For a receipt or void slip the copy (original or 重打) is decided here, in the same
 * IMMEDIATE transaction that makes this job the claimant: two prints of one receipt can never both
 * be originals, whatever happens to either of them afterwards.
 */
export function queueJob(ctx: Ctx, job: NewJob): { jobId: number; copy: Copy | null } {
  return ctx.db
    .transaction(() => {
      const copy: Copy | null =
        job.kind === 'receipt' || job.kind === 'void' ? (originalClaimed(ctx.db, job.redemptionId!, job.kind) ? 'reprint' : 'original') : null;
      const jobId = Number(
        stmt(
          ctx.db,
          `INSERT INTO print_jobs (kind, redemption_id, receipt_no, copy, via, target, copies, user_id, at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(job.kind, job.redemptionId ?? null, job.receiptNo ?? null, copy, job.via, job.target, job.copies, ctx.user?.id ?? null, ctx.nowIso)
          .lastInsertRowid,
      );
      addEvent(ctx.db, jobId, 'queued', ctx.nowIso);
      return { jobId, copy };
    })
    .immediate();
}

export function addEvent(db: DB, jobId: number, state: JobState, at: string, extra: { reason?: string; late?: boolean } = {}): void {
  stmt(db, 'INSERT INTO print_job_events (job_id, state, reason, late, at) VALUES (?, ?, ?, ?, ?)').run(
    jobId,
    state,
    extra.reason ?? null,
    extra.late ? 1 : 0,
    at,
  );
}

/** The reason a print failed, from the error the transport or host gave. */
export function failureReason(e: unknown): ErrorReason {
  return (e instanceof AppError ? e.reason : undefined) ?? 'printer_error';
}

/** The same error, with the job's id added to its details, so the caller can look the job up. */
export function withJob(e: unknown, jobId: number, reason: ErrorReason): unknown {
  if (!(e instanceof AppError)) return e;
  const details = typeof e.details === 'object' && e.details !== null ? e.details : {};
  const out = new AppError(e.code, e.message, { ...details, reason, jobId });
  out.afterRollback = e.afterRollback;
  return out;
}

export interface JobView {
  id: number;
  kind: JobKind;
  redemptionId: number | null;
  receiptNo: string | null;
  copy: Copy | null;
  via: string;
  target: string;
  copies: number;
  state: JobState;
  reason: string | null;
  late: boolean;
  at: string;
  updatedAt: string;
}

/** Recent jobs, newest first, each in its latest state; `failed` keeps its reason after a late done. */
export function listJobs(db: DB, p: { limit: number; redemptionId?: number }): JobView[] {
  const rows = stmt(
    db,
    `SELECT j.id, j.kind, j.redemption_id, j.receipt_no, j.copy, j.via, j.target, j.copies, j.at,
      e.state, e.late, e.at AS updated_at,
      (SELECT f.reason FROM print_job_events f WHERE f.job_id = j.id AND f.state = 'failed' ORDER BY f.id DESC LIMIT 1) AS reason
    FROM print_jobs j
    JOIN print_job_events e ON e.id = (SELECT MAX(id) FROM print_job_events WHERE job_id = j.id)
    WHERE @r IS NULL OR j.redemption_id = @r
    ORDER BY j.id DESC LIMIT @limit`,
  ).all({ r: p.redemptionId ?? null, limit: p.limit }) as {
    id: number;
    kind: JobKind;
    redemption_id: number | null;
    receipt_no: string | null;
    copy: Copy | null;
    via: string;
    target: string;
    copies: number;
    at: string;
    state: JobState;
    late: number;
    updated_at: string;
    reason: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    redemptionId: r.redemption_id,
    receiptNo: r.receipt_no,
    copy: r.copy,
    via: r.via,
    target: r.target,
    copies: r.copies,
    state: r.state,
    reason: r.reason,
    late: r.late === 1,
    at: r.at,
    updatedAt: r.updated_at,
  }));
}
