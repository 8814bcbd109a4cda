import type { Ctx } from '../../context.js';
import { stmt } from '../../statements.js';
import { photoCounts } from './photos.js';

/** The columns both lists of entries select (review queue, rejected inbox), as SQLite returns them. */
export interface EntryRow {
  id: number;
  household_id: number;
  card_no: string;
  head_name: string;
  grp: string;
  person_id: number | null;
  person_name: string | null;
  rule_id: number | null;
  kind: 'award' | 'deduction';
  category: string;
  rule_name: string;
  points: number;
  occurred_on: string;
  note: string;
  recorded_by: number;
  recorded_at: string;
}

/** An entry as both lists answer it. */
export function entryView(r: EntryRow) {
  return {
    id: r.id,
    householdId: r.household_id,
    cardNo: r.card_no,
    headName: r.head_name,
    group: r.grp,
    personId: r.person_id,
    personName: r.person_name,
    ruleId: r.rule_id,
    kind: r.kind,
    category: r.category,
    ruleName: r.rule_name,
    points: r.points,
    occurredOn: r.occurred_on,
    note: r.note,
    recordedAt: r.recorded_at,
  };
}

interface PendingRow extends EntryRow {
  recorder_name: string;
  resubmits_id: number | null;
  resubmits_reason: string | null;
}

/**
 * The review queue (监督审核): entries not yet approved or rejected, oldest first, so nothing waits
 * forever. `mine` marks what the caller recorded, which they may not review.
 */
export function pendingEntries(ctx: Ctx, p: { limit?: number; householdId?: number }) {
  const where = `e.kind <> 'reversal' AND NOT EXISTS (SELECT 1 FROM point_reviews r WHERE r.entry_id = e.id)
    AND (@h IS NULL OR e.household_id = @h)`;
  const total = (stmt(ctx.db, `SELECT COUNT(*) AS n FROM point_entries e WHERE ${where}`).get({ h: p.householdId ?? null }) as { n: number }).n;
  const rows = stmt(
    ctx.db,
    `SELECT e.id, e.household_id, h.card_no, h.head_name, h.grp, e.person_id, m.name AS person_name, e.rule_id, e.kind,
      e.category, e.rule_name, e.points, e.occurred_on, e.note, e.recorded_by, u.name AS recorder_name, e.recorded_at,
      s.resubmits_id, pr.reason AS resubmits_reason
    FROM point_entries e JOIN households h ON h.id = e.household_id JOIN users u ON u.id = e.recorded_by
    LEFT JOIN members m ON m.id = e.person_id
    LEFT JOIN point_resubmits s ON s.entry_id = e.id LEFT JOIN point_reviews pr ON pr.entry_id = s.resubmits_id
    WHERE ${where} ORDER BY e.recorded_at, e.id LIMIT @limit`,
  ).all({ h: p.householdId ?? null, limit: p.limit ?? 200 }) as PendingRow[];
  const photos = photoCounts(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    total,
    items: rows.map((r) => ({
      ...entryView(r),
      recordedBy: r.recorded_by,
      recorderName: r.recorder_name,
      photos: photos.get(r.id) ?? 0,
      mine: r.recorded_by === ctx.me.id,
      // A corrected copy of a rejected entry: the reviewer sees what was rejected and why.
      resubmitsId: r.resubmits_id,
      resubmitsReason: r.resubmits_reason,
    })),
  };
}
