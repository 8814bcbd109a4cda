import { createHash } from 'node:crypto';
import type { DB } from '../../db/connection.js';
import type { EventSource } from '../core/context.js';
import type { RedemptionFacts, RedemptionLineFacts } from '../core/domains/redemptions/facts.js';
import { writeRedemptionRows, writeVoidRows } from '../core/domains/redemptions/ledger-rows.js';
import { writeReceivingNote } from '../core/domains/stock/receiving.js';
import { writeStocktakeRows } from '../core/domains/stock/stocktake.js';
import { loadAccount } from '../core/domains/households/account-query.js';
import { closeWindow, insertClose, type DayCloseFacts } from '../core/domains/day/close.js';
import { compareClose } from '../core/domains/day/close-summary.js';
import { stmt } from '../core/statements.js';

/**
 * Writes another database's events here: at the office, what counters pushed; at a counter, what
 * the other counters and the office did. One module for both, so the office and its replicas write
 * the same rows from the same facts. The office never refuses a counter's redemption for points or
 * stock (the counter committed it offline, the villager has the goods): it applies it and flags what
 * it made wrong in sync_conflicts.
 */
export type ApplyMode = 'office' | 'replica';

export interface IncomingEvent {
  uuid: string;
  type: string;
  payload: Record<string, unknown>;
  at: string;
  /** The terminal id it came from, or 'office'. */
  origin: string;
  originSeq?: number | null;
}

export type ApplyStatus = 'applied' | 'duplicate' | 'ignored' | 'failed';
export interface ApplyOutcome { status: ApplyStatus; conflicts: number; error?: string }

interface Step { status: 'applied' | 'duplicate' | 'ignored'; ref?: string | null; conflicts: number }

type Source = Partial<EventSource>;
const sourceOf = (p: Record<string, unknown>): Source => (p.source ?? {}) as Source;

class ApplyError extends Error {}

// ---------------------------------------------------------------- conflicts (office only)

export type ConflictKind = 'overspent' | 'negative_stock' | 'close_mismatch' | 'double_void' | 'apply_failed';

export function flagConflict(db: DB, c: {
  kind: ConflictKind; counterId?: string | null; householdId?: number | null; itemId?: number | null; year?: number | null;
  events: string[]; detail: unknown; at: string;
}): void {
  stmt(db, `INSERT INTO sync_conflicts (kind, counter_id, household_id, item_id, year, events, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(c.kind, c.counterId ?? null, c.householdId ?? null, c.itemId ?? null, c.year ?? null, JSON.stringify([...new Set(c.events)]), JSON.stringify(c.detail), c.at);
}

/** Event uuids of the given receipts (or notes, sheets), as the office's feed knows them. */
function eventsFor(db: DB, refs: string[], types: string[]): string[] {
  if (refs.length === 0) return [];
  return (stmt(db, `SELECT uuid FROM sync_feed WHERE ref IN (SELECT value FROM json_each(?)) AND type IN (SELECT value FROM json_each(?)) AND uuid IS NOT NULL ORDER BY seq`)
    .all(JSON.stringify(refs), JSON.stringify(types)) as { uuid: string }[]).map((r) => r.uuid);
}

const redemptionTypes = ['redemption.create', 'service.log'];

function checkOverspent(db: DB, ev: IncomingEvent, householdId: number, year: number, counterId: string, now: Date): number {
  const acc = loadAccount(db, householdId, year, now);
  if (acc.available >= 0) return 0;
  const receipts = (stmt(db, `SELECT receipt_no FROM redemptions d WHERE household_id = ? AND year = ?
      AND NOT EXISTS (SELECT 1 FROM redemption_voids v WHERE v.redemption_id = d.id) ORDER BY at, id`).all(householdId, year) as { receipt_no: string }[])
    .map((r) => r.receipt_no);
  const h = stmt(db, 'SELECT card_no, head_name FROM households WHERE id = ?').get(householdId) as { card_no: string; head_name: string } | undefined;
  flagConflict(db, {
    kind: 'overspent', counterId, householdId, year, at: now.toISOString(),
    events: [...eventsFor(db, receipts, redemptionTypes), ev.uuid],
    detail: { cardNo: h?.card_no, headName: h?.head_name, score: acc.score, redeemed: acc.redeemed, available: acc.available, owed: acc.owed, receipts, trigger: ev.payload.receiptNo },
  });
  return 1;
}

/**
 * The draws since the shelf was last replenished (and at least back to where it was above zero):
 * together they took more than there was, whichever of them arrived last.
 */
function checkStock(db: DB, ev: IncomingEvent, itemId: number, counterId: string, now: Date): number {
  const level = (stmt(db, 'SELECT qty FROM stock_levels WHERE item_id = ?').get(itemId) as { qty: number } | undefined)?.qty ?? 0;
  if (level >= 0) return 0;
  const moves = stmt(db, `SELECT m.delta, d.receipt_no, t.sheet_no FROM stock_movements m
      LEFT JOIN redemptions d ON d.id = m.redemption_id LEFT JOIN stocktakes t ON t.id = m.stocktake_id
      WHERE m.item_id = ? ORDER BY m.id DESC LIMIT 500`).all(itemId) as { delta: number; receipt_no: string | null; sheet_no: string | null }[];
  const refs: string[] = [];
  let cur = level;
  for (const m of moves) {
    if ((cur >= 0 && m.delta > 0) || refs.length >= 50) break;
    if (m.delta < 0 && (m.receipt_no || m.sheet_no)) refs.push((m.receipt_no ?? m.sheet_no)!);
    cur -= m.delta;
  }
  refs.reverse();
  const item = stmt(db, 'SELECT name, unit FROM catalog_items WHERE id = ?').get(itemId) as { name: string; unit: string } | undefined;
  flagConflict(db, {
    kind: 'negative_stock', counterId, itemId, at: now.toISOString(),
    events: [...eventsFor(db, refs, [...redemptionTypes, 'stock.stocktake']), ev.uuid],
    detail: { name: item?.name, unit: item?.unit, stock: level, refs },
  });
  return 1;
}

// ---------------------------------------------------------------- event types

function lineFacts(db: DB, l: Partial<RedemptionLineFacts> & { itemId: number; qty: number; unitPoints: number }): RedemptionLineFacts {
  if (l.name !== undefined && l.kind !== undefined && l.unit !== undefined) {
    return { ...l, linePoints: l.linePoints ?? l.unitPoints * l.qty, providerId: l.providerId ?? null } as RedemptionLineFacts;
  }
  // Events written before payloads were complete: the catalog supplies the copies.
  const item = stmt(db, 'SELECT name, kind, unit FROM catalog_items WHERE id = ?').get(l.itemId) as { name: string; kind: 'goods' | 'service'; unit: string } | undefined;
  if (!item) throw new ApplyError(`未知商品 #${l.itemId}`);
  return { itemId: l.itemId, name: item.name, kind: item.kind, unit: item.unit, qty: l.qty, unitPoints: l.unitPoints, linePoints: l.unitPoints * l.qty, providerId: l.providerId ?? null };
}

function applyRedemption(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): Step {
  const p = ev.payload as Partial<RedemptionFacts> & { receiptNo: string; householdId: number; totalPoints: number; requestId: string; lines: RedemptionLineFacts[] };
  const src = sourceOf(ev.payload);
  if (!p.receiptNo || !p.householdId || !Array.isArray(p.lines)) throw new ApplyError('兑换事件不完整 (incomplete redemption event)');
  const counterId = p.counterId ?? src.counterId ?? p.receiptNo.split('-')[0];
  const held = stmt(db, 'SELECT request_id, request_hash FROM redemptions WHERE receipt_no = ?').get(p.receiptNo) as { request_id: string; request_hash: string } | undefined;
  if (held) {
    // The same redemption again (under another uuid): nothing to do. A different one under a number
    // already used (a counter restored from an older backup numbers from where the backup was) is
    // never dropped silently: it fails, and the office flags it (apply_failed) with its payload kept.
    const same = (held.request_id === p.requestId || held.request_id === `${counterId}:${p.requestId}:${p.receiptNo}`)
      && (p.requestHash === undefined || held.request_hash === p.requestHash);
    if (same) return { status: 'duplicate', ref: p.receiptNo, conflicts: 0 };
    throw new ApplyError(`单号 ${p.receiptNo} 已用于另一笔兑换：柜台可能从旧备份恢复过，此笔未记入 (receipt number already used by another redemption)`);
  }
  const year = p.year ?? src.year ?? Number(p.receiptNo.split('-')[1]);
  const at = p.at ?? src.at ?? ev.at;
  const operatorId = p.operatorId ?? src.userId;
  if (operatorId == null) throw new ApplyError('兑换事件缺少经办人 (no operator)');
  // requestIds are unique per database; two counters' ids can only clash by accident, and then the receipt number tells them apart.
  let requestId = p.requestId;
  if (stmt(db, 'SELECT 1 FROM redemptions WHERE request_id = ?').get(requestId)) requestId = `${counterId}:${p.requestId}:${p.receiptNo}`;
  const lines = p.lines.map((l) => lineFacts(db, l));
  writeRedemptionRows(db, {
    receiptNo: p.receiptNo, counterId, year, householdId: p.householdId, cardNo: p.cardNo ?? '',
    kind: ev.type === 'service.log' ? 'service' : (p.kind ?? 'counter'), totalPoints: p.totalPoints, requestId,
    requestHash: p.requestHash ?? createHash('sha256').update(p.requestId).digest('hex'),
    result: p.result ?? JSON.stringify({ receiptNo: p.receiptNo, totalPoints: p.totalPoints }),
    at, localDate: p.localDate ?? src.date ?? at.slice(0, 10), operatorId, overrideBy: p.overrideBy ?? null, overrideReason: p.overrideReason ?? null, lines,
  });
  let conflicts = 0;
  if (mode === 'office') {
    conflicts += checkOverspent(db, ev, p.householdId, year, counterId, now);
    for (const itemId of new Set(lines.filter((l) => l.kind === 'goods').map((l) => l.itemId))) conflicts += checkStock(db, ev, itemId, counterId, now);
  }
  return { status: 'applied', ref: p.receiptNo, conflicts };
}

function applyVoid(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): Step {
  const p = ev.payload as { receiptNo: string; reason: string; userId?: number; supervisorId: number; at?: string };
  const src = sourceOf(ev.payload);
  const r = stmt(db, 'SELECT id, counter_id FROM redemptions WHERE receipt_no = ?').get(p.receiptNo) as { id: number; counter_id: string } | undefined;
  if (!r) throw new ApplyError(`作废的兑换单 ${p.receiptNo} 不存在 (voided receipt unknown)`);
  const at = p.at ?? src.at ?? ev.at;
  const userId = p.userId ?? src.userId ?? p.supervisorId;
  if (stmt(db, 'SELECT 1 FROM redemption_voids WHERE redemption_id = ?').get(r.id)) {
    // Two voids of one receipt (the office and its counter, both offline): points and stock come back once.
    if (mode === 'office') {
      flagConflict(db, {
        kind: 'double_void', counterId: src.counterId ?? null, at: now.toISOString(),
        events: [...eventsFor(db, [p.receiptNo], ['redemption.void']), ev.uuid], detail: { receiptNo: p.receiptNo, reason: p.reason },
      });
      return { status: 'ignored', ref: p.receiptNo, conflicts: 1 };
    }
    return { status: 'ignored', ref: p.receiptNo, conflicts: 0 };
  }
  writeVoidRows(db, { redemptionId: r.id, reason: p.reason, userId, supervisorId: p.supervisorId, at });
  return { status: 'applied', ref: p.receiptNo, conflicts: 0 };
}

interface ReceiveFacts { noteNo?: string; note?: string; at?: string; itemId?: number; qty?: number; fundingSource?: string; donor?: string | null; unitCostFen?: number | null;
  lines?: { itemId: number; qty: number; fundingSource: string; donor?: string | null; unitCostFen?: number | null }[] }

function applyReceive(db: DB, ev: IncomingEvent): Step {
  const p = ev.payload as ReceiveFacts;
  const src = sourceOf(ev.payload);
  const at = p.at ?? src.at ?? ev.at;
  const userId = src.userId ?? null;
  const insert = stmt(db, `INSERT INTO stock_movements (item_id, delta, kind, funding_source, donor, unit_cost_fen, reason, user_id, at, receiving_note_id)
    VALUES (?, ?, 'receive', ?, ?, ?, ?, ?, ?, ?)`);
  if (p.noteNo && p.lines) {
    if (stmt(db, 'SELECT 1 FROM receiving_notes WHERE note_no = ?').get(p.noteNo)) return { status: 'duplicate', ref: p.noteNo, conflicts: 0 };
    if (userId == null) throw new ApplyError('入库事件缺少经办人 (no user)');
    writeReceivingNote(db, {
      noteNo: p.noteNo, counterId: src.counterId ?? p.noteNo.split('-')[1] ?? '', year: src.year ?? Number(at.slice(0, 4)), note: p.note ?? '',
      userId, at, localDate: src.date ?? at.slice(0, 10), lines: p.lines,
    });
    return { status: 'applied', ref: p.noteNo, conflicts: 0 };
  }
  if (p.itemId === undefined || p.qty === undefined) throw new ApplyError('入库事件不完整 (incomplete receive event)');
  insert.run(p.itemId, p.qty, p.fundingSource ?? null, p.donor || null, p.unitCostFen ?? null, null, userId, at, null);
  return { status: 'applied', conflicts: 0 };
}

function applyCount(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): Step {
  const p = ev.payload as { itemId: number; delta: number; reason: string; at?: string };
  const src = sourceOf(ev.payload);
  // The counter counted its shelf: what travels is the difference it found, not the total it saw.
  stmt(db, `INSERT INTO stock_movements (item_id, delta, kind, reason, user_id, at) VALUES (?, ?, 'count', ?, ?, ?)`)
    .run(p.itemId, p.delta, p.reason, src.userId ?? null, p.at ?? src.at ?? ev.at);
  const conflicts = mode === 'office' && p.delta < 0 ? checkStock(db, ev, p.itemId, src.counterId ?? ev.origin, now) : 0;
  return { status: 'applied', conflicts };
}

function applyStocktake(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): Step {
  const p = ev.payload as { sheetNo: string; scope: string; note?: string; at?: string;
    lines: { itemId: number; expectedQty: number; countedQty: number; delta: number; reason: string; name?: string; unit?: string }[] };
  const src = sourceOf(ev.payload);
  if (stmt(db, 'SELECT 1 FROM stocktakes WHERE sheet_no = ?').get(p.sheetNo)) return { status: 'duplicate', ref: p.sheetNo, conflicts: 0 };
  const at = p.at ?? src.at ?? ev.at;
  if (src.userId == null) throw new ApplyError('盘点事件缺少经办人 (no user)');
  // Older events carry no names: the office's catalog names the item then.
  const lines = p.lines.map((l) => {
    const item = l.name === undefined ? stmt(db, 'SELECT name, unit FROM catalog_items WHERE id = ?').get(l.itemId) as { name: string; unit: string } | undefined : undefined;
    return { ...l, name: l.name ?? item?.name ?? `#${l.itemId}`, unit: l.unit ?? item?.unit ?? '' };
  });
  writeStocktakeRows(db, {
    sheetNo: p.sheetNo, counterId: src.counterId ?? '', year: src.year ?? Number(at.slice(0, 4)), scope: p.scope, note: p.note ?? '',
    userId: src.userId, at, localDate: src.date ?? at.slice(0, 10), lines,
  });
  let conflicts = 0;
  if (mode === 'office') {
    for (const l of lines) if (l.delta < 0) conflicts += checkStock(db, ev, l.itemId, src.counterId ?? ev.origin, now);
  }
  return { status: 'applied', ref: p.sheetNo, conflicts };
}

function applyClose(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): Step {
  const p = ev.payload as unknown as DayCloseFacts;
  const ref = `${p.counterId}#${p.closeNo}`;
  if (stmt(db, 'SELECT 1 FROM day_closes WHERE counter_id = ? AND close_no = ?').get(p.counterId, p.closeNo)) return { status: 'duplicate', ref, conflicts: 0 };
  insertClose(db, p);
  if (mode !== 'office' || ev.origin === 'office') return { status: 'applied', ref, conflicts: 0 };
  // The counter pushes in order, so every receipt of the window arrived before its close: any difference is real.
  const held = closeWindow(db, p.counterId, p.after, p.to);
  const diff = compareClose(p, held);
  if (!diff) return { status: 'applied', ref, conflicts: 0 };
  flagConflict(db, {
    kind: 'close_mismatch', counterId: p.counterId, at: now.toISOString(),
    events: [ev.uuid, ...eventsFor(db, diff.extra, redemptionTypes)],
    detail: { closeNo: p.closeNo, from: p.from, to: p.to, ...diff },
  });
  return { status: 'applied', ref, conflicts: 1 };
}

function applyStep(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): Step {
  switch (ev.type) {
    case 'redemption.create':
    case 'service.log':
      return applyRedemption(db, ev, mode, now);
    case 'redemption.void':
      return applyVoid(db, ev, mode, now);
    case 'stock.receive':
      return applyReceive(db, ev);
    case 'stock.count':
      return applyCount(db, ev, mode, now);
    case 'stock.stocktake':
      return applyStocktake(db, ev, mode, now);
    case 'day.close':
      return applyClose(db, ev, mode, now);
    default:
      // Office-only events (boards, awards) reach counters through the feed; their rows do not travel.
      return { status: 'ignored', conflicts: 0 };
  }
}

/** The reference a feed entry is found by when a conflict names events: receipt, note, sheet or close. */
export function refOf(type: string, payload: Record<string, unknown>): string | null {
  if (type === 'day.close') return `${String(payload.counterId)}#${String(payload.closeNo)}`;
  return (payload.receiptNo ?? payload.noteNo ?? payload.sheetNo ?? null) as string | null;
}

/**
 * Applies one event exactly once (by uuid), inside the caller's transaction. An event that cannot be
 * applied is kept, with its payload and the reason, and flagged at the office: never dropped, and it
 * never blocks the events behind it.
 */
export function applyEvent(db: DB, ev: IncomingEvent, mode: ApplyMode, now: Date): ApplyOutcome {
  if (stmt(db, 'SELECT 1 FROM sync_inbox WHERE uuid = ?').get(ev.uuid)) return { status: 'duplicate', conflicts: 0 };
  let outcome: ApplyOutcome;
  let step: Step | undefined;
  try {
    step = db.transaction(() => applyStep(db, ev, mode, now))();
    outcome = { status: step.status, conflicts: step.conflicts };
  } catch (e) {
    outcome = { status: 'failed', conflicts: 0, error: e instanceof Error ? e.message : String(e) };
    if (mode === 'office') {
      flagConflict(db, { kind: 'apply_failed', counterId: sourceOf(ev.payload).counterId ?? null, at: now.toISOString(), events: [ev.uuid],
        detail: { type: ev.type, error: outcome.error, ref: refOf(ev.type, ev.payload) } });
      outcome.conflicts = 1;
    }
  }
  const json = JSON.stringify(ev.payload);
  stmt(db, 'INSERT INTO sync_inbox (uuid, origin, origin_seq, type, status, error, payload, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(ev.uuid, ev.origin, ev.originSeq ?? null, ev.type, outcome.status, outcome.error ?? null, outcome.status === 'failed' || (outcome.status === 'ignored' && mode === 'office') ? json : null, now.toISOString());
  // The other counters learn of it through the feed; they skip the events that came from themselves.
  if (mode === 'office' && outcome.status === 'applied') {
    stmt(db, 'INSERT INTO sync_feed (uuid, origin, type, ref, payload, at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ev.uuid, ev.origin, ev.type, step?.ref ?? refOf(ev.type, ev.payload), json, ev.at);
  }
  return outcome;
}
