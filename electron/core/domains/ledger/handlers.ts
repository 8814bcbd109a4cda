import { z } from 'zod';
import { handler } from '../../handler.js';
import { stmt } from '../../statements.js';
import { id, year } from '../../validation.js';
import { requireHousehold } from '../households/households.js';
import type { DB } from '../../../../db/connection.js';

type Kind = 'award' | 'deduction' | 'reversal' | 'redemption' | 'void';
export interface LedgerItem { id: string; kind: Kind; points: number; status: 'pending' | 'approved' | 'rejected'; occurredOn?: string; at: string; ruleName?: string; category?: string; receiptNo?: string; note?: string }

/** Every row that moves a household's score or redemption right in a year, oldest first. */
export function ledgerItems(db: DB, householdId: number, yr: number): LedgerItem[] {
  const entries = (stmt(db, `SELECT e.id, e.kind, e.points, e.occurred_on, e.recorded_at, e.rule_name, e.category, e.note, r.decision
      FROM point_entries e LEFT JOIN point_reviews r ON r.entry_id = e.id WHERE e.household_id = ? AND e.year = ?`)
    .all(householdId, yr) as { id: number; kind: 'award' | 'deduction' | 'reversal'; points: number; occurred_on: string; recorded_at: string; rule_name: string; category: string; note: string; decision: string | null }[])
    .map((e): LedgerItem => ({
      id: `e${e.id}`, kind: e.kind, points: e.points, occurredOn: e.occurred_on, at: e.recorded_at, ruleName: e.rule_name, category: e.category, note: e.note,
      status: e.kind === 'reversal' || e.decision === 'approve' ? 'approved' : e.decision === 'reject' ? 'rejected' : 'pending',
    }));
  const redemptions = (stmt(db, `SELECT d.id, d.total_points, d.at, d.local_date, d.receipt_no FROM redemptions d WHERE d.household_id = ? AND d.year = ?`)
    .all(householdId, yr) as { id: number; total_points: number; at: string; local_date: string; receipt_no: string }[])
    .map((d): LedgerItem => ({ id: `r${d.id}`, kind: 'redemption', points: -d.total_points, status: 'approved', occurredOn: d.local_date, at: d.at, receiptNo: d.receipt_no }));
  const voids = (stmt(db, `SELECT v.id, d.total_points, v.at, v.reason, d.receipt_no FROM redemption_voids v JOIN redemptions d ON d.id = v.redemption_id
      WHERE d.household_id = ? AND d.year = ?`).all(householdId, yr) as { id: number; total_points: number; at: string; reason: string; receipt_no: string }[])
    .map((v): LedgerItem => ({ id: `v${v.id}`, kind: 'void', points: v.total_points, status: 'approved', at: v.at, receiptNo: v.receipt_no, note: v.reason }));
  return [...entries, ...redemptions, ...voids].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id)));
}

export const ledgerHandlers = {
  'ledger.list': handler({
    access: ['shopkeeper', 'clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ householdId: id, year }),
    run(ctx, p) {
      requireHousehold(ctx.db, p.householdId);
      return { items: ledgerItems(ctx.db, p.householdId, p.year) };
    },
  }),
};
