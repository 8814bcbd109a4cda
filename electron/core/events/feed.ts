import type { DB } from '../../../db/connection.js';
import { stmt } from '../statements.js';

/** A day close is known by its counter and number: close numbers are per counter. */
export const closeRef = (p: { counterId: string; closeNo: number }): string => `${p.counterId}#${p.closeNo}`;

/**
 * The key a conflict names an event by: its receipt, note or sheet number, or counter#close number.
 * Read from any payload, a terminal's unparsed one included (hence the checks, and the cut at 64).
 * Board, award and settings news have none.
 */
export function eventRef(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  let ref: unknown = null;
  if ('receiptNo' in payload) ref = payload.receiptNo;
  else if ('noteNo' in payload) ref = payload.noteNo;
  else if ('sheetNo' in payload) ref = payload.sheetNo;
  else if ('closeNo' in payload && 'counterId' in payload && typeof payload.closeNo === 'number' && typeof payload.counterId === 'string') {
    ref = closeRef({ counterId: payload.counterId, closeNo: payload.closeNo });
  }
  return typeof ref === 'string' ? ref.slice(0, 64) : null;
}

export interface FeedEvent {
  uuid: string;
  /** 'office' for the office's own events; the terminal's id for one it applied from a counter. */
  origin: string;
  type: string;
  ref: string | null;
  /** The payload's JSON, as it was written or received. */
  payload: string;
  at: string;
}

/**
 * Appends an event to the feed the counters pull. The one writer of event entries: the office's own
 * events (Ctx.emit, at any machine that is not a counter's replica) and the terminals' events it
 * applied (sync/apply.ts). Row entries come from the table triggers (migration 004).
 */
export function appendFeedEvent(db: DB, e: FeedEvent): void {
  stmt(db, 'INSERT INTO sync_feed (uuid, origin, type, ref, payload, at) VALUES (?, ?, ?, ?, ?, ?)').run(e.uuid, e.origin, e.type, e.ref, e.payload, e.at);
}

/** The ledger tables whose rows make a machine's own history. */
export const ledgerTables = ['redemptions', 'point_entries', 'stock_movements', 'receiving_notes', 'stocktakes', 'day_closes'] as const;

/**
 * What of its own history this machine holds: which of `tables` have rows, and 'events' if it ever
 * wrote a sync event (one queued for a push: a counter's outbox, an office's from before migration
 * 014; or one in its feed). A machine holding any can neither become a counter nor pair as one.
 */
export function historyHeld(db: DB, tables: readonly string[]): string[] {
  const held = tables.filter((t) => stmt(db, `SELECT 1 FROM "${t}" LIMIT 1`).get() !== undefined);
  if (stmt(db, 'SELECT 1 FROM outbox LIMIT 1').get() !== undefined || stmt(db, "SELECT 1 FROM sync_feed WHERE type <> 'row' LIMIT 1").get() !== undefined) {
    held.push('events');
  }
  return held;
}
