import type { DB } from '../../../db/connection.js';
import { writeRedemptionRows, writeVoidRows } from '../domains/redemptions/ledger-rows.js';
import { writeReceivingNote } from '../domains/stock/receiving.js';
import { writeStocktakeRows } from '../domains/stock/stocktake.js';
import { insertClose } from '../domains/day/close.js';
import { stmt } from '../statements.js';
import { closeRef } from './feed.js';
import { checkClose, checkReceive, checkRedemption, checkStocktake, checkVoid } from './checks.js';
import { refuse, type Refusal } from './reasons.js';
import { eventPayloads, isEventType, type EventPayload, type EventType } from './schemas.js';

/** What writing an event here did. `ref` is the global key a conflict names it by (receipt, note, sheet, close). */
export interface Written {
  status: 'applied' | 'duplicate' | 'ignored';
  ref: string | null;
}

/** Why a writer could not write an event that passed its checks; the caller keeps the event and flags it. */
export class EventWriteError extends Error {}

export interface EventDef<T extends EventType> {
  /** The office's checks against a terminal's event, from its own data (the terminal's counter id as pairing bound it). */
  check(db: DB, p: EventPayload<T>, counterId: string): Refusal | null;
  /** The shared writer: the same rows the emitting handler wrote, from the facts alone. */
  write(db: DB, p: EventPayload<T>): Written;
}

function writeRedemption(db: DB, p: EventPayload<'redemption.create'>): Written {
  const held = stmt(db, 'SELECT request_id, request_hash FROM redemptions WHERE receipt_no = ?').get(p.receiptNo) as
    { request_id: string; request_hash: string } | undefined;
  const scoped = `${p.counterId}:${p.requestId}:${p.receiptNo}`;
  if (held) {
    // The same redemption under another uuid: nothing to do. A different one under a number already
    // used (a counter put back from an older copy numbers on from there) is never dropped silently.
    if ((held.request_id === p.requestId || held.request_id === scoped) && held.request_hash === p.requestHash)
      return { status: 'duplicate', ref: p.receiptNo };
    throw new EventWriteError(`单号 ${p.receiptNo} 已用于另一笔兑换：柜台可能从旧备份恢复过，此笔未记入 (receipt number already used by another redemption)`);
  }
  // requestIds are unique per database; two counters' ids can only clash by accident, and then the receipt number tells them apart.
  const requestId = stmt(db, 'SELECT 1 FROM redemptions WHERE request_id = ?').get(p.requestId) ? scoped : p.requestId;
  const { source: _source, ...facts } = p;
  writeRedemptionRows(db, { ...facts, requestId });
  return { status: 'applied', ref: p.receiptNo };
}

function writeVoid(db: DB, p: EventPayload<'redemption.void'>): Written {
  const r = stmt(db, 'SELECT id FROM redemptions WHERE receipt_no = ?').get(p.receiptNo) as { id: number } | undefined;
  if (!r) throw new EventWriteError(`作废的兑换单 ${p.receiptNo} 不存在 (voided receipt unknown)`);
  // Two voids of one receipt (the office and its counter, both offline): points and stock come back once.
  if (stmt(db, 'SELECT 1 FROM redemption_voids WHERE redemption_id = ?').get(r.id)) return { status: 'ignored', ref: p.receiptNo };
  writeVoidRows(db, { redemptionId: r.id, reason: p.reason, userId: p.userId, supervisorId: p.supervisorId, at: p.at });
  return { status: 'applied', ref: p.receiptNo };
}

function writeReceive(db: DB, p: EventPayload<'stock.receive'>): Written {
  if (stmt(db, 'SELECT 1 FROM receiving_notes WHERE note_no = ?').get(p.noteNo)) return { status: 'duplicate', ref: p.noteNo };
  writeReceivingNote(db, {
    noteNo: p.noteNo,
    counterId: p.source.counterId,
    year: p.source.year,
    note: p.note,
    userId: p.source.userId,
    at: p.at,
    localDate: p.source.date,
    lines: p.lines,
  });
  return { status: 'applied', ref: p.noteNo };
}

function writeStocktake(db: DB, p: EventPayload<'stock.stocktake'>): Written {
  if (stmt(db, 'SELECT 1 FROM stocktakes WHERE sheet_no = ?').get(p.sheetNo)) return { status: 'duplicate', ref: p.sheetNo };
  writeStocktakeRows(db, {
    sheetNo: p.sheetNo,
    counterId: p.source.counterId,
    year: p.source.year,
    scope: p.scope,
    note: p.note,
    userId: p.source.userId,
    at: p.at,
    localDate: p.source.date,
    lines: p.lines,
  });
  return { status: 'applied', ref: p.sheetNo };
}

function writeClose(db: DB, p: EventPayload<'day.close'>): Written {
  if (stmt(db, 'SELECT 1 FROM day_closes WHERE counter_id = ? AND close_no = ?').get(p.counterId, p.closeNo)) return { status: 'duplicate', ref: closeRef(p) };
  const { source: _source, ...facts } = p;
  insertClose(db, facts);
  return { status: 'applied', ref: closeRef(p) };
}

/** Boards, awards and village settings travel to counters as news; their rows stay at the office. */
const officeOnly: EventDef<'board.publish' | 'board.withdraw' | 'award.decide' | 'settings.pointValue'> = {
  check: () => refuse('office_only'),
  write: () => ({ status: 'ignored', ref: null }),
};

/** Every event type: its writer and the office's checks. The schemas are in ./schemas.ts. */
export const eventDefs: { [T in EventType]: EventDef<T> } = {
  'redemption.create': { check: (db, p, c) => checkRedemption(db, p, c, false), write: writeRedemption },
  'service.log': { check: (db, p, c) => checkRedemption(db, p, c, true), write: writeRedemption },
  'redemption.void': { check: checkVoid, write: writeVoid },
  'stock.receive': { check: checkReceive, write: writeReceive },
  'stock.stocktake': { check: checkStocktake, write: writeStocktake },
  'day.close': { check: checkClose, write: writeClose },
  'board.publish': officeOnly,
  'board.withdraw': officeOnly,
  'award.decide': officeOnly,
  'settings.pointValue': officeOnly,
};

/** Retired types that a receiver names precisely rather than as unknown: a bare stock delta is not a count. */
const retired: Readonly<Record<string, Refusal>> = { 'stock.count': refuse('count_without_sheet', { retired: 'stock.count' }) };

/**
 * The first step of applying anything: the declared shape, or the reason it is not. `use` runs with
 * the type and its parsed payload tied together, so callers dispatch on eventDefs without casts.
 */
export function withParsedEvent<R>(
  type: string,
  payload: unknown,
  use: <T extends EventType>(type: T, p: EventPayload<T>) => R,
): { ok: true; value: R } | { ok: false; refusal: Refusal } {
  if (!isEventType(type)) return { ok: false, refusal: retired[type] ?? refuse('unknown_type', { type: type.slice(0, 64) }) };
  return parseAs(type, payload, use);
}

function parseAs<T extends EventType, R>(
  type: T,
  payload: unknown,
  use: (type: T, p: EventPayload<T>) => R,
): { ok: true; value: R } | { ok: false; refusal: Refusal } {
  const r = eventPayloads[type].safeParse(payload);
  if (!r.success) {
    return {
      ok: false,
      refusal: refuse('schema_invalid', { issues: r.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), message: i.message })) }),
    };
  }
  return { ok: true, value: use(type, r.data) };
}

/** The definition of one type, with its payload type tied to it. */
export function defOf<T extends EventType>(type: T): EventDef<T> {
  return eventDefs[type];
}
