import type { DB } from '../../../../db/connection.js';
import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';
import type { FundingSource } from '../../rules/funding-fifo.js';
import { stmt } from '../../statements.js';
import { nextDocNo, resolveGoods } from './documents.js';

export interface ReceiveLine {
  itemId?: number;
  barcode?: string;
  qty: number;
  fundingSource: FundingSource;
  donor?: string;
  unitCostFen?: number;
}

/** Donors are named only where the purse is a donor's (社会捐赠) or a sponsor unit's (联系点单位扶持). */
export const needsDonor = (s: FundingSource) => s === 'donation' || s === 'sponsor';

/**
 * Writes a receiving note and one receive movement per line, in the caller's transaction. The movements
 * are the note's lines: the printed note, the movement ledger and the funding report read the same rows.
 */
export interface ReceivingNoteRows {
  noteNo: string;
  counterId: string;
  year: number;
  note: string;
  userId: number;
  at: string;
  localDate: string;
  lines: readonly { itemId: number; qty: number; fundingSource: string; donor?: string | null; unitCostFen?: number | null }[];
}

/** The note and its receive movements; the counter that takes the goods in and a database applying its event write the same rows. */
export function writeReceivingNote(db: DB, n: ReceivingNoteRows): number {
  const noteId = Number(
    stmt(db, `INSERT INTO receiving_notes (note_no, counter_id, year, note, user_id, at, local_date) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      n.noteNo,
      n.counterId,
      n.year,
      n.note,
      n.userId,
      n.at,
      n.localDate,
    ).lastInsertRowid,
  );
  const insert = stmt(
    db,
    `INSERT INTO stock_movements (item_id, delta, kind, funding_source, donor, unit_cost_fen, reason, user_id, at, receiving_note_id)
    VALUES (?, ?, 'receive', ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const l of n.lines) insert.run(l.itemId, l.qty, l.fundingSource, l.donor || null, l.unitCostFen ?? null, n.note || null, n.userId, n.at, noteId);
  return noteId;
}

export function receive(ctx: Ctx, lines: readonly ReceiveLine[], note: string) {
  const items = lines.map((l, i) => resolveGoods(ctx.db, l, i + 1));
  const noteNo = nextDocNo(ctx, 'receiving');
  const noteId = writeReceivingNote(ctx.db, {
    noteNo,
    counterId: ctx.counter.counterId,
    year: ctx.year,
    note,
    userId: ctx.me.id,
    at: ctx.nowIso,
    localDate: ctx.today,
    lines: lines.map((l, i) => ({ ...l, itemId: items[i].id })),
  });
  ctx.emit('stock.receive', {
    noteNo,
    note,
    at: ctx.nowIso,
    lines: lines.map((l, i) => ({
      itemId: items[i].id,
      qty: l.qty,
      fundingSource: l.fundingSource,
      donor: l.donor ?? null,
      unitCostFen: l.unitCostFen ?? null,
    })),
  });
  return { noteId, noteNo, items };
}

interface NoteRow {
  id: number;
  note_no: string;
  note: string;
  at: string;
  local_date: string;
  user_name: string;
}
interface NoteLineRow {
  item_id: number;
  name: string;
  unit: string;
  barcode: string | null;
  delta: number;
  funding_source: FundingSource;
  donor: string | null;
  unit_cost_fen: number | null;
}

const noteSelect = `SELECT n.id, n.note_no, n.note, n.at, n.local_date, u.name AS user_name FROM receiving_notes n JOIN users u ON u.id = n.user_id`;

function lineTotals(lines: { qty: number; valueFen: number }[]) {
  return { qty: lines.reduce((s, l) => s + l.qty, 0), valueFen: lines.reduce((s, l) => s + l.valueFen, 0) };
}

function noteLines(db: DB, noteId: number) {
  return (
    stmt(
      db,
      `SELECT m.item_id, c.name, c.unit, c.barcode, m.delta, m.funding_source, m.donor, m.unit_cost_fen
      FROM stock_movements m JOIN catalog_items c ON c.id = m.item_id WHERE m.receiving_note_id = ? ORDER BY m.id`,
    ).all(noteId) as NoteLineRow[]
  ).map((r) => ({
    itemId: r.item_id,
    name: r.name,
    unit: r.unit,
    barcode: r.barcode,
    qty: r.delta,
    fundingSource: r.funding_source,
    donor: r.donor,
    unitCostFen: r.unit_cost_fen,
    valueFen: r.unit_cost_fen === null ? 0 : r.unit_cost_fen * r.delta,
  }));
}

/** A note as printed: its lines, and subtotals per funding source (and donor) for the signatures block. */
export function getNote(db: DB, id: number) {
  const n = stmt(db, `${noteSelect} WHERE n.id = ?`).get(id) as NoteRow | undefined;
  if (!n) throw notFound('入库单', { reason: 'unknown_receiving_note', noteId: id });
  const lines = noteLines(db, id);
  const bySource = new Map<string, { fundingSource: FundingSource; donor: string | null; qty: number; valueFen: number }>();
  for (const l of lines) {
    const donor = needsDonor(l.fundingSource) ? l.donor : null;
    const key = JSON.stringify([l.fundingSource, donor]);
    const e = bySource.get(key) ?? { fundingSource: l.fundingSource, donor, qty: 0, valueFen: 0 };
    e.qty += l.qty;
    e.valueFen += l.valueFen;
    bySource.set(key, e);
  }
  return {
    id: n.id,
    noteNo: n.note_no,
    note: n.note,
    at: n.at,
    date: n.local_date,
    userName: n.user_name,
    lines,
    bySource: [...bySource.values()],
    totals: lineTotals(lines),
  };
}

export function listNotes(db: DB, p: { from?: string; to?: string; limit: number }) {
  const rows = stmt(
    db,
    `${noteSelect} WHERE (@from IS NULL OR n.local_date >= @from) AND (@to IS NULL OR n.local_date <= @to)
    ORDER BY n.id DESC LIMIT @limit`,
  ).all({ from: p.from ?? null, to: p.to ?? null, limit: p.limit }) as NoteRow[];
  return rows.map((n) => {
    const lines = noteLines(db, n.id);
    return {
      id: n.id,
      noteNo: n.note_no,
      note: n.note,
      at: n.at,
      date: n.local_date,
      userName: n.user_name,
      lineCount: lines.length,
      fundingSources: [...new Set(lines.map((l) => l.fundingSource))],
      ...lineTotals(lines),
    };
  });
}
