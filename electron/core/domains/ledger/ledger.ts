import type { DB } from '../../../../db/connection.js';
import { countsFrom } from '../../rules/notice.js';
import { withRunning, type LedgerKind, type LedgerStatus, type Running } from '../../rules/running-totals.js';
import { villageDate } from '../../rules/village-date.js';
import { stmt } from '../../statements.js';
import { officeSettings } from '../office/office-settings.js';

export interface LedgerItem {
  id: string;
  kind: LedgerKind;
  /** Signed: what the row does to the score (entries) or to what is available (redemptions, voids). */
  points: number;
  status: LedgerStatus;
  occurredOn?: string;
  at: string;
  ruleName?: string;
  category?: string;
  receiptNo?: string;
  note?: string;
  entryId?: number;
  redemptionId?: number;
  personName?: string;
  recorderName?: string;
  reviewerName?: string;
  reviewedAt?: string;
  /** A rejection's reason. */
  reviewReason?: string;
  /** When an approval in its notice period starts to count. */
  countsFrom?: string;
  /** A reversal: the entry it reverses. An entry: the reversal that undid it. */
  reversesId?: number;
  reversedById?: number;
}

export type LedgerRow = LedgerItem & Running;

interface EntryRow {
  id: number;
  kind: 'award' | 'deduction' | 'reversal';
  points: number;
  occurred_on: string;
  recorded_at: string;
  rule_name: string;
  category: string;
  note: string;
  decision: 'approve' | 'reject' | null;
  reason: string | null;
  reviewed_at: string | null;
  reverses_id: number | null;
  reversed_by: number | null;
  person_name: string | null;
  recorder_name: string;
  reviewer_name: string | null;
}

function entryStatus(e: EntryRow, cutoff: number, noticeDays: number): { status: LedgerStatus; countsFrom?: string } {
  if (e.decision === 'reject') return { status: 'rejected' };
  if (e.decision !== 'approve' || !e.reviewed_at) return { status: 'pending' };
  if (noticeDays > 0) {
    const from = countsFrom(e.reviewed_at, noticeDays);
    if (Date.parse(from) > cutoff) return { status: 'notice', countsFrom: from };
  }
  return { status: 'approved' };
}

/**
 * Every row that moves a household's score or redemption right in a year, by date, with
 * the running score and running available after each. A reversal takes the review of the entry it
 * reverses, so it counts exactly when that entry does.
 */
export function ledgerRows(db: DB, householdId: number, yr: number, now: Date, timeZone: string): LedgerRow[] {
  const { noticeDays } = officeSettings(db);
  const nowMs = now.getTime();
  const entries = (
    stmt(
      db,
      `SELECT e.id, e.kind, e.points, e.occurred_on, e.recorded_at, e.rule_name, e.category, e.note, e.reverses_id,
        r.decision, r.reason, r.reviewed_at, x.id AS reversed_by, m.name AS person_name, u.name AS recorder_name, ru.name AS reviewer_name
      FROM point_entries e
      LEFT JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id)
      LEFT JOIN point_entries x ON x.reverses_id = e.id
      LEFT JOIN members m ON m.id = e.person_id
      JOIN users u ON u.id = e.recorded_by
      LEFT JOIN users ru ON ru.id = r.reviewed_by
      WHERE e.household_id = ? AND e.year = ?`,
    ).all(householdId, yr) as EntryRow[]
  ).map((e): LedgerItem => {
    const { status, countsFrom: from } = entryStatus(e, nowMs, noticeDays);
    return {
      id: `e${e.id}`,
      entryId: e.id,
      kind: e.kind,
      points: e.points,
      status,
      occurredOn: e.occurred_on,
      at: e.recorded_at,
      ruleName: e.rule_name,
      category: e.category,
      note: e.note,
      recorderName: e.recorder_name,
      ...(e.person_name ? { personName: e.person_name } : {}),
      ...(e.kind !== 'reversal' && e.reviewed_at ? { reviewedAt: e.reviewed_at, reviewerName: e.reviewer_name ?? undefined } : {}),
      ...(e.decision === 'reject' ? { reviewReason: e.reason ?? '' } : {}),
      ...(from ? { countsFrom: from } : {}),
      ...(e.reverses_id ? { reversesId: e.reverses_id } : {}),
      ...(e.reversed_by ? { reversedById: e.reversed_by } : {}),
    };
  });
  const redemptions = (
    stmt(
      db,
      `SELECT d.id, d.total_points, d.at, d.local_date, d.receipt_no, d.kind, u.name AS operator_name,
        (SELECT group_concat(l.item_name || '×' || l.qty, '，') FROM redemption_lines l WHERE l.redemption_id = d.id) AS summary
      FROM redemptions d JOIN users u ON u.id = d.operator_id WHERE d.household_id = ? AND d.year = ?`,
    ).all(householdId, yr) as {
      id: number;
      total_points: number;
      at: string;
      local_date: string;
      receipt_no: string;
      kind: string;
      operator_name: string;
      summary: string | null;
    }[]
  ).map((d): LedgerItem => ({
    id: `r${d.id}`,
    redemptionId: d.id,
    kind: 'redemption',
    points: -d.total_points,
    status: 'approved',
    occurredOn: d.local_date,
    at: d.at,
    receiptNo: d.receipt_no,
    note: d.summary ?? '',
    recorderName: d.operator_name,
    ruleName: d.kind === 'service' ? '服务兑换' : '积分兑换',
  }));
  const voids = (
    stmt(
      db,
      `SELECT v.id, v.redemption_id, d.total_points, v.at, v.reason, d.receipt_no, u.name AS operator_name
      FROM redemption_voids v JOIN redemptions d ON d.id = v.redemption_id JOIN users u ON u.id = v.user_id
      WHERE d.household_id = ? AND d.year = ?`,
    ).all(householdId, yr) as {
      id: number;
      redemption_id: number;
      total_points: number;
      at: string;
      reason: string;
      receipt_no: string;
      operator_name: string;
    }[]
  ).map((v): LedgerItem => ({
    id: `v${v.id}`,
    redemptionId: v.redemption_id,
    kind: 'void',
    points: v.total_points,
    status: 'approved',
    occurredOn: villageDate(new Date(v.at), timeZone),
    at: v.at,
    receiptNo: v.receipt_no,
    note: v.reason,
    recorderName: v.operator_name,
    ruleName: '兑换作废',
  }));
  // By the village date it happened, as a paper 台账 reads; the same day in the order it was written.
  const key = (r: LedgerItem) => `${r.occurredOn ?? ''}|${r.at}`;
  const rows = [...entries, ...redemptions, ...voids].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id.localeCompare(b.id, 'en', { numeric: true }),
  );
  return withRunning(rows);
}

/** The years a household has any row in, newest first, so past years stay one click away. */
export function ledgerYears(db: DB, householdId: number): number[] {
  return (
    stmt(db, `SELECT year FROM point_entries WHERE household_id = ? UNION SELECT year FROM redemptions WHERE household_id = ? ORDER BY year DESC`).all(
      householdId,
      householdId,
    ) as { year: number }[]
  ).map((r) => r.year);
}
