import type { DB } from '../../../db/connection.js';
import { randomBytes } from 'node:crypto';
import { stmt } from '../../core/statements.js';
import { tokenHash } from '../queries.js';

/** Set at the office's first pairing with the county (migration 013); the county triggers write only while it is. */
export const countyReportingKey = 'local.county.reporting';

export function countyReporting(db: DB): boolean {
  return stmt(db, 'SELECT 1 FROM settings WHERE key = ?').get(countyReportingKey) !== undefined;
}

/** The county sees a villager's QR token only as its hash. */
export function queueTokenEvent(db: DB, householdId: number, token: string, at: string): void {
  stmt(db, "INSERT INTO county_outbox (uuid, type, payload, at) VALUES (?, 'household.token', ?, ?)").run(
    randomBytes(16).toString('hex'),
    JSON.stringify({ householdId, tokenHash: tokenHash(token) }),
    at,
  );
}

// The views are the ones the triggers use, so a fact queued here reads exactly as it would have live.
// Households (and their tokens) first: every later event names a household the county already has.
const queue = (type: string, select: string) => `INSERT INTO county_outbox (uuid, type, payload, at) SELECT lower(hex(randomblob(16))), '${type}', ${select}`;
const households = queue('household', 'payload, ? FROM county_household_v ORDER BY household_id');
const facts = [
  queue(
    'ledger.line',
    `v.payload, ? FROM county_ledger_line_v v
    JOIN point_entries e ON e.id = v.entry_id JOIN point_reviews r ON r.entry_id = COALESCE(e.reverses_id, e.id) AND r.decision = 'approve'
    ORDER BY v.entry_id`,
  ),
  queue('redemption.line', 'payload, ? FROM county_redemption_line_v ORDER BY line_id'),
  queue('redemption.void', `json_object('receiptNo', d.receipt_no), ? FROM redemption_voids v JOIN redemptions d ON d.id = v.redemption_id ORDER BY v.id`),
  queue('day.close', 'payload, ? FROM county_day_close_v ORDER BY close_id'),
  queue('board', 'payload, ? FROM county_board_v ORDER BY publication_id'),
  queue('award.decision', 'payload, ? FROM county_award_decision_v ORDER BY decision_id'),
  queue('funding', 'payload, ? FROM county_funding_v ORDER BY movement_id'),
];

/**
 * Starts reporting upward, in the caller's transaction: queues every fact this office already holds,
 * marks every household year for a snapshot (which the push writes after the lines), and from then
 * on the triggers queue each new fact. Once started it stays started, so a re-pairing never queues
 * the history a second time. Returns how many events were queued.
 */
export function startCountyReporting(db: DB, at: string): number {
  if (countyReporting(db)) return 0;
  stmt(db, "INSERT INTO settings (key, value) VALUES (?, 'true')").run(countyReportingKey);
  let queued = stmt(db, households).run(at).changes;
  const tokens = stmt(db, 'SELECT household_id, token FROM household_qr_tokens ORDER BY household_id').all() as { household_id: number; token: string }[];
  for (const t of tokens) queueTokenEvent(db, t.household_id, t.token, at);
  queued += tokens.length;
  for (const sql of facts) queued += stmt(db, sql).run(at).changes;
  stmt(db, 'INSERT OR IGNORE INTO county_dirty (household_id, year) SELECT household_id, year FROM account_totals').run();
  return queued;
}
