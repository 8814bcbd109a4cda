import type { DB } from '../../db/connection.js';
import { loadAccount } from '../core/domains/households/account-query.js';
import { closeWindow } from '../core/domains/day/close.js';
import { compareClose } from '../core/domains/day/close-summary.js';
import { appendFeedEvent, eventRef } from '../core/events/feed.js';
import { defOf, withParsedEvent, type Written } from '../core/events/registry.js';
import type { EventPayload, EventType } from '../core/events/schemas.js';
import type { Refusal } from '../core/events/reasons.js';
import { stmt } from '../core/statements.js';

/**
 * Writes another database's events here: at the office, what counters pushed; at a counter, what
 * the other counters and the office did. Every event is parse (its declared schema) → at the office,
 * the office's checks against its own data → the shared writer core declares for its type
 * (electron/core/events). The office never refuses a counter's redemption for points or stock (the
 * counter committed it offline, the villager has the goods): it applies it and flags what it made
 * wrong. What fails a check is refused: acknowledged, kept, flagged with its reason, never written.
 */
export type ApplyMode = 'office' | 'replica';

export interface IncomingEvent {
  uuid: string;
  type: string;
  payload: unknown;
  at: string;
  /** The terminal id it came from, or 'office'. */
  origin: string;
  originSeq?: number | null;
  /** At the office: the counter id pairing bound to the sending terminal, the namespace its events must stay in. */
  originCounter?: string;
}

export type ApplyStatus = 'applied' | 'duplicate' | 'ignored' | 'failed' | 'refused';
export interface ApplyOutcome {
  status: ApplyStatus;
  conflicts: number;
  error?: string;
  reason?: Refusal['reason'];
}

// ---------------------------------------------------------------- conflicts (office only)

export type ConflictKind = 'overspent' | 'negative_stock' | 'close_mismatch' | 'double_void' | 'apply_failed' | 'refused';

export function flagConflict(
  db: DB,
  c: {
    kind: ConflictKind;
    reason?: string | null;
    counterId?: string | null;
    householdId?: number | null;
    itemId?: number | null;
    year?: number | null;
    events: string[];
    detail: unknown;
    at: string;
  },
): void {
  stmt(db, `INSERT INTO sync_conflicts (kind, reason, counter_id, household_id, item_id, year, events, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    c.kind,
    c.reason ?? null,
    c.counterId ?? null,
    c.householdId ?? null,
    c.itemId ?? null,
    c.year ?? null,
    JSON.stringify([...new Set(c.events)]),
    JSON.stringify(c.detail),
    c.at,
  );
}

/** Event uuids of the given receipts (or notes, sheets), as the office's feed knows them. */
function eventsFor(db: DB, refs: string[], types: string[]): string[] {
  if (refs.length === 0) return [];
  return (
    stmt(
      db,
      `SELECT uuid FROM sync_feed WHERE ref IN (SELECT value FROM json_each(?)) AND type IN (SELECT value FROM json_each(?)) AND uuid IS NOT NULL ORDER BY seq`,
    ).all(JSON.stringify(refs), JSON.stringify(types)) as { uuid: string }[]
  ).map((r) => r.uuid);
}

const redemptionTypes = ['redemption.create', 'service.log'];

function checkOverspent(db: DB, uuid: string, trigger: string, householdId: number, year: number, counterId: string, now: Date): number {
  const acc = loadAccount(db, householdId, year, now);
  if (acc.available >= 0) return 0;
  const receipts = (
    stmt(
      db,
      `SELECT receipt_no FROM redemptions d WHERE household_id = ? AND year = ?
      AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id) ORDER BY at, id`,
    ).all(householdId, year) as { receipt_no: string }[]
  ).map((r) => r.receipt_no);
  const h = stmt(db, 'SELECT card_no, head_name FROM households WHERE id = ?').get(householdId) as { card_no: string; head_name: string } | undefined;
  flagConflict(db, {
    kind: 'overspent',
    counterId,
    householdId,
    year,
    at: now.toISOString(),
    events: [...eventsFor(db, receipts, redemptionTypes), uuid],
    detail: {
      cardNo: h?.card_no,
      headName: h?.head_name,
      score: acc.score,
      redeemed: acc.redeemed,
      available: acc.available,
      owed: acc.owed,
      receipts,
      trigger,
    },
  });
  return 1;
}

/**
 * The draws since the shelf was last replenished (and at least back to where it was above zero):
 * together they took more than there was, whichever of them arrived last.
 */
function checkStock(db: DB, uuid: string, itemId: number, counterId: string, now: Date): number {
  const level = (stmt(db, 'SELECT qty FROM stock_levels WHERE item_id = ?').get(itemId) as { qty: number } | undefined)?.qty ?? 0;
  if (level >= 0) return 0;
  const moves = stmt(
    db,
    `SELECT m.delta, d.receipt_no, t.sheet_no FROM stock_movements m
      LEFT JOIN redemptions d ON d.id = m.redemption_id LEFT JOIN stocktakes t ON t.id = m.stocktake_id
      WHERE m.item_id = ? ORDER BY m.id DESC LIMIT 500`,
  ).all(itemId) as { delta: number; receipt_no: string | null; sheet_no: string | null }[];
  const refs: string[] = [];
  let cur = level;
  for (const m of moves) {
    if ((cur >= 0 && m.delta > 0) || refs.length >= 50) break;
    const ref = m.receipt_no ?? m.sheet_no;
    if (m.delta < 0 && ref) refs.push(ref);
    cur -= m.delta;
  }
  refs.reverse();
  const item = stmt(db, 'SELECT name, unit FROM catalog_items WHERE id = ?').get(itemId) as { name: string; unit: string } | undefined;
  flagConflict(db, {
    kind: 'negative_stock',
    counterId,
    itemId,
    at: now.toISOString(),
    events: [...eventsFor(db, refs, [...redemptionTypes, 'stock.stocktake']), uuid],
    detail: { name: item?.name, unit: item?.unit, stock: level, refs },
  });
  return 1;
}

type FollowUp<T extends EventType> = (db: DB, uuid: string, p: EventPayload<T>, w: Written, counterId: string, now: Date) => number;

function afterRedemption(db: DB, uuid: string, p: EventPayload<'redemption.create'>, w: Written, counterId: string, now: Date): number {
  if (w.status !== 'applied') return 0;
  let n = checkOverspent(db, uuid, p.receiptNo, p.householdId, p.year, counterId, now);
  for (const itemId of new Set(p.lines.filter((l) => l.kind === 'goods').map((l) => l.itemId))) n += checkStock(db, uuid, itemId, counterId, now);
  return n;
}

/** What a written event made wrong at the office, flagged for follow-up; never a refusal. */
const followUps: { [T in EventType]?: FollowUp<T> } = {
  'redemption.create': afterRedemption,
  'service.log': afterRedemption,
  'redemption.void': (db, uuid, p, w, counterId, now) => {
    if (w.status !== 'ignored') return 0;
    flagConflict(db, {
      kind: 'double_void',
      counterId,
      at: now.toISOString(),
      events: [...eventsFor(db, [p.receiptNo], ['redemption.void']), uuid],
      detail: { receiptNo: p.receiptNo, reason: p.reason },
    });
    return 1;
  },
  'stock.stocktake': (db, uuid, p, w, counterId, now) =>
    w.status !== 'applied' ? 0 : p.lines.filter((l) => l.delta < 0).reduce((n, l) => n + checkStock(db, uuid, l.itemId, counterId, now), 0),
  'day.close': (db, uuid, p, w, _counterId, now) => {
    if (w.status !== 'applied') return 0;
    // The counter pushes in order, so every receipt of the window arrived before its close: any difference is real.
    const diff = compareClose(p, closeWindow(db, p.counterId, p.after, p.to));
    if (!diff) return 0;
    flagConflict(db, {
      kind: 'close_mismatch',
      counterId: p.counterId,
      at: now.toISOString(),
      events: [uuid, ...eventsFor(db, diff.extra, redemptionTypes)],
      detail: { closeNo: p.closeNo, from: p.from, to: p.to, ...diff },
    });
    return 1;
  },
};

type Step = { refusal: Refusal } | { written: Written; conflicts: number };

/** At the office, for a terminal's event: the office's checks first; then the shared writer; then what it made wrong. */
function step<T extends EventType>(db: DB, ev: IncomingEvent, type: T, p: EventPayload<T>, mode: ApplyMode, now: Date): Step {
  const def = defOf(type);
  const counterId = mode === 'office' ? ev.originCounter : undefined;
  if (counterId !== undefined) {
    const refusal = def.check(db, p, counterId);
    if (refusal) return { refusal };
  }
  const written = def.write(db, p);
  const follow = followUps[type];
  return { written, conflicts: counterId !== undefined && follow ? follow(db, ev.uuid, p, written, counterId, now) : 0 };
}

/**
 * Applies one event exactly once (by uuid), inside the caller's transaction: parse → checks → the
 * shared writer, in a savepoint. An event refused by a check, or that a writer could not write, is
 * kept with its payload and reason and flagged at the office: never dropped, never applied silently,
 * and it never blocks the events behind it.
 */
export function applyEvent(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): ApplyOutcome {
  if (stmt(db, 'SELECT 1 FROM sync_inbox WHERE uuid = ?').get(ev.uuid)) return { status: 'duplicate', conflicts: 0 };
  let ref = eventRef(ev.payload);
  let refusal: Refusal | null = null;
  let outcome: ApplyOutcome;
  try {
    const r = db.transaction(() => withParsedEvent(ev.type, ev.payload, (type, p) => step(db, ev, type, p, mode, now)))();
    const s = r.ok ? r.value : r;
    if ('refusal' in s) {
      refusal = s.refusal;
      outcome = { status: 'refused', conflicts: 0, reason: refusal.reason };
    } else {
      outcome = { status: s.written.status, conflicts: s.conflicts };
      ref = s.written.ref ?? ref;
    }
  } catch (e) {
    outcome = { status: 'failed', conflicts: 0, error: e instanceof Error ? e.message : String(e) };
  }
  if (mode === 'office' && (outcome.status === 'refused' || outcome.status === 'failed')) {
    flagConflict(db, {
      kind: refusal ? 'refused' : 'apply_failed',
      reason: refusal?.reason ?? null,
      counterId: ev.originCounter ?? null,
      at: now.toISOString(),
      events: [ev.uuid],
      detail: { type: ev.type.slice(0, 64), ref, ...(outcome.error ? { error: outcome.error } : {}), ...(refusal?.detail ?? {}) },
    });
    outcome.conflicts = 1;
  }
  const json = JSON.stringify(ev.payload);
  const keep = outcome.status === 'failed' || outcome.status === 'refused' || (outcome.status === 'ignored' && mode === 'office');
  stmt(db, 'INSERT INTO sync_inbox (uuid, origin, origin_seq, type, status, error, payload, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    ev.uuid,
    ev.origin,
    ev.originSeq ?? null,
    ev.type.slice(0, 64),
    outcome.status,
    outcome.error ?? null,
    keep ? json : null,
    now.toISOString(),
    refusal?.reason ?? null,
  );
  // The other counters learn of it through the feed; they skip the events that came from themselves.
  if (mode === 'office' && outcome.status === 'applied') {
    appendFeedEvent(db, { uuid: ev.uuid, origin: ev.origin, type: ev.type, ref, payload: json, at: ev.at });
  }
  return outcome;
}
