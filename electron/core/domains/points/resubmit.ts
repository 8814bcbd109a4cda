import { AppError, notFound } from '../../errors.js';
import type { Ctx } from '../../context.js';
import { stmt } from '../../statements.js';
import { requireRule } from '../rules/rules.js';
import { recordEntries } from './entries.js';
import { entryView, type EntryRow } from './queue.js';

interface RejectedRow extends EntryRow {
  reason: string;
  reviewer_name: string;
  reviewed_at: string;
}

const rejectedSql = `SELECT e.id, e.household_id, h.card_no, h.head_name, h.grp, e.person_id, m.name AS person_name, e.rule_id, e.kind,
    e.category, e.rule_name, e.points, e.occurred_on, e.note, e.recorded_by, e.recorded_at, r.reason, u.name AS reviewer_name, r.reviewed_at
  FROM point_entries e JOIN point_reviews r ON r.entry_id = e.id JOIN households h ON h.id = e.household_id
  JOIN users u ON u.id = r.reviewed_by LEFT JOIN members m ON m.id = e.person_id
  WHERE r.decision = 'reject' AND NOT EXISTS (SELECT 1 FROM point_resubmits s WHERE s.resubmits_id = e.id)`;

const isAdmin = (ctx: Ctx) => ctx.me.roles.includes('admin');

/**
 * The clerk's inbox (驳回待改): entries the reviewer rejected, with the reviewer's reason, that have
 * not been corrected yet. A clerk sees what they recorded; an admin sees everyone's.
 */
export function rejectedInbox(ctx: Ctx, p: { limit?: number }) {
  const mine = isAdmin(ctx) ? null : ctx.me.id;
  const where = `${rejectedSql} AND (@me IS NULL OR e.recorded_by = @me)`;
  const total = (stmt(ctx.db, `SELECT COUNT(*) AS n FROM (${where})`).get({ me: mine }) as { n: number }).n;
  const rows = stmt(ctx.db, `${where} ORDER BY r.reviewed_at DESC, e.id DESC LIMIT @limit`).all({ me: mine, limit: p.limit ?? 200 }) as RejectedRow[];
  return {
    total,
    items: rows.map((r) => ({
      ...entryView(r),
      reason: r.reason,
      reviewerName: r.reviewer_name,
      reviewedAt: r.reviewed_at,
    })),
  };
}

export interface ResubmitInput {
  entryId: number;
  ruleId?: number;
  points?: number;
  personId?: number | null;
  occurredOn?: string;
  note?: string;
}

/**
 * Corrects a rejected entry: a NEW pending entry (with every check points.record makes) that points
 * at the rejected one. The rejected row and its review stay untouched; each rejected entry is
 * resubmitted at most once, and only by whoever recorded it (or an admin).
 */
export function resubmitEntry(ctx: Ctx, p: ResubmitInput) {
  const e = stmt(ctx.db, 'SELECT id, household_id, person_id, rule_id, kind, points, occurred_on, note, recorded_by FROM point_entries WHERE id = ?').get(
    p.entryId,
  ) as
    | {
        id: number;
        household_id: number;
        person_id: number | null;
        rule_id: number | null;
        kind: string;
        points: number;
        occurred_on: string;
        note: string;
        recorded_by: number;
      }
    | undefined;
  if (!e) throw notFound('积分记录', { reason: 'unknown_entry', entryId: p.entryId });
  if (e.recorded_by !== ctx.me.id && !isAdmin(ctx))
    throw new AppError('FORBIDDEN', '只能重新提交自己录入的记录 (not your entry)', { reason: 'not_your_entry', entryId: e.id });
  const review = stmt(ctx.db, 'SELECT decision FROM point_reviews WHERE entry_id = ?').get(e.id) as { decision: string } | undefined;
  if (review?.decision !== 'reject')
    throw new AppError('CONFLICT', '只有被驳回的记录才能重新提交 (only rejected entries are resubmitted)', {
      reason: 'entry_not_rejected',
      entryId: e.id,
      status: review ? 'approved' : e.kind === 'reversal' ? 'reversal' : 'pending',
    });
  const earlier = stmt(ctx.db, 'SELECT entry_id FROM point_resubmits WHERE resubmits_id = ?').get(e.id) as { entry_id: number } | undefined;
  if (earlier)
    throw new AppError('CONFLICT', '该记录已重新提交过 (already resubmitted)', {
      reason: 'already_resubmitted',
      entryId: e.id,
      resubmittedAs: earlier.entry_id,
    });
  const ruleId = p.ruleId ?? e.rule_id;
  if (ruleId === null) throw notFound('评分条目', { reason: 'unknown_rule', entryId: e.id });
  const rule = requireRule(ctx.db, ruleId);
  // The same range rule keeps the rejected magnitude unless a new one is given; a fixed rule gives its own.
  const points = p.points ?? (rule.points === null && ruleId === e.rule_id ? Math.abs(e.points) : undefined);
  const personId = p.personId === null ? undefined : (p.personId ?? e.person_id ?? undefined);
  const { entries } = recordEntries(ctx, {
    householdIds: [e.household_id],
    ruleId,
    points,
    personId,
    occurredOn: p.occurredOn ?? e.occurred_on,
    note: p.note ?? e.note,
  });
  const entry = entries[0];
  stmt(ctx.db, 'INSERT INTO point_resubmits (entry_id, resubmits_id, at) VALUES (?, ?, ?)').run(entry.id, e.id, ctx.nowIso);
  return { ...entry, resubmitsId: e.id };
}
