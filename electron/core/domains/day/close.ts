import type { DB } from '../../../../db/connection.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import { stmt } from '../../statements.js';
import { closeTotals, type CloseReceipt, type CloseTotals, type CloseVoid } from './close-summary.js';

export interface CloseWindow extends CloseTotals {
  receipts: string[];
}

/**
 * What a counter did in (after, to]: its own receipts issued and voids made in the window. The
 * counter's day.close and the office's reconciliation both read it this way, from their own rows.
 */
export function closeWindow(db: DB, counterId: string, after: string | null, to: string): CloseWindow {
  const receipts = stmt(
    db,
    `SELECT receipt_no AS receiptNo, at, total_points AS totalPoints FROM redemptions
    WHERE counter_id = @counter AND (@after IS NULL OR at > @after) AND at <= @to`,
  ).all({ counter: counterId, after, to }) as CloseReceipt[];
  const voids = stmt(
    db,
    `SELECT d.receipt_no AS receiptNo, v.at, d.total_points AS totalPoints FROM redemption_voids v
    JOIN redemptions d ON d.id = v.redemption_id
    WHERE d.counter_id = @counter AND (@after IS NULL OR v.at > @after) AND v.at <= @to`,
  ).all({ counter: counterId, after, to }) as CloseVoid[];
  return { ...closeTotals(receipts, voids), receipts: receipts.map((r) => r.receiptNo).sort() };
}

interface CloseRow {
  id: number;
  counter_id: string;
  close_no: number;
  after_at: string | null;
  from_at: string;
  to_at: string;
  local_date: string;
  count: number;
  points: number;
  voids: number;
  void_points: number;
  first_receipt_no: string | null;
  last_receipt_no: string | null;
  user_id: number | null;
  at: string;
  user_name?: string | null;
}

function toClose(r: CloseRow) {
  return {
    id: r.id,
    counterId: r.counter_id,
    closeNo: r.close_no,
    from: r.from_at,
    to: r.to_at,
    date: r.local_date,
    count: r.count,
    points: r.points,
    voids: r.voids,
    voidPoints: r.void_points,
    netPoints: r.points - r.void_points,
    firstReceiptNo: r.first_receipt_no,
    lastReceiptNo: r.last_receipt_no,
    at: r.at,
    userName: r.user_name ?? null,
  };
}
export type DayClose = ReturnType<typeof toClose>;

export interface DayCloseFacts extends CloseWindow {
  closeNo: number;
  counterId: string;
  after: string | null;
  from: string;
  to: string;
  localDate: string;
  userId: number;
  at: string;
}

export function insertClose(db: DB, f: DayCloseFacts): number {
  return Number(
    stmt(
      db,
      `INSERT INTO day_closes (counter_id, close_no, after_at, from_at, to_at, local_date, count, points, voids, void_points,
      first_receipt_no, last_receipt_no, user_id, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      f.counterId,
      f.closeNo,
      f.after,
      f.from,
      f.to,
      f.localDate,
      f.count,
      f.points,
      f.voids,
      f.voidPoints,
      f.firstReceiptNo,
      f.lastReceiptNo,
      f.userId,
      f.at,
    ).lastInsertRowid,
  );
}

/**
 * 日结: numbers the close, covers everything since the previous close of this counter up to now,
 * and pushes it to the office as an event. Runs in the dispatcher's transaction, so two closes can
 * never take the same number or overlap.
 */
export function closeDay(ctx: Ctx) {
  const counterId = ctx.counter.counterId;
  const prev = stmt(ctx.db, 'SELECT close_no, to_at FROM day_closes WHERE counter_id = ? ORDER BY close_no DESC LIMIT 1').get(counterId) as
    { close_no: number; to_at: string } | undefined;
  const after = prev?.to_at ?? null;
  const to = ctx.nowIso;
  const w = closeWindow(ctx.db, counterId, after, to);
  const firstAt = w.firstReceiptNo ? (stmt(ctx.db, 'SELECT at FROM redemptions WHERE receipt_no = ?').get(w.firstReceiptNo) as { at: string }).at : to;
  const facts: DayCloseFacts = {
    ...w,
    closeNo: (prev?.close_no ?? 0) + 1,
    counterId,
    after,
    from: after ?? firstAt,
    to,
    localDate: ctx.today,
    userId: ctx.me.id,
    at: ctx.nowIso,
  };
  insertClose(ctx.db, facts);
  ctx.emit('day.close', facts);
  return getClose(ctx.db, counterId, facts.closeNo);
}

const select = `SELECT c.*, u.name AS user_name FROM day_closes c LEFT JOIN users u ON u.id = c.user_id`;

export function getClose(db: DB, counterId: string, closeNo: number): DayClose {
  const r = stmt(db, `${select} WHERE c.counter_id = ? AND c.close_no = ?`).get(counterId, closeNo) as CloseRow | undefined;
  if (!r) throw notFound('日结', { reason: 'unknown_day_close', counterId, closeNo });
  return toClose(r);
}

export function listCloses(db: DB, p: { counterId?: string; limit: number }): DayClose[] {
  return (
    stmt(db, `${select} WHERE (@counter IS NULL OR c.counter_id = @counter) ORDER BY c.at DESC, c.id DESC LIMIT @limit`).all({
      counter: p.counterId ?? null,
      limit: p.limit,
    }) as CloseRow[]
  ).map(toClose);
}
