import type { DB } from '../../../db/connection.js';
import type { Role } from '../roles.js';
import { stmt } from '../statements.js';
import { maxCountQty, maxLineQty, refuse, type Refusal } from './reasons.js';
import type { EventPayload, EventSource } from './schemas.js';

/**
 * What the office checks before it writes a terminal's event, from its own data only: the terminal's
 * counter id as pairing bound it, its users, catalog, prices and ledger. The counter's own checks
 * (points, stock, limits) are not repeated here: the counter ran them offline and the villager has the
 * goods; the office flags what they made wrong (sync_conflicts) instead of refusing.
 * Each returns the first reason it finds, or null.
 */

interface UserRow {
  active: number;
  roles: string;
}
interface ItemRow {
  kind: 'goods' | 'service';
  points: number | null;
  open_price: number;
  min_points: number | null;
  max_points: number | null;
}

function userRoles(db: DB, id: number): Role[] | null {
  const u = stmt(db, 'SELECT active, roles FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return u && u.active === 1 ? (JSON.parse(u.roles) as Role[]) : null;
}

/** Active, and holding one of the roles a counter allows for the action (admins may do everything). */
function allowedAtCounter(db: DB, id: number, allowed: readonly Role[]): boolean {
  const r = userRoles(db, id);
  return r !== null && (r.includes('admin') || allowed.some((x) => r.includes(x)));
}

const isAdmin = (db: DB, id: number): boolean => userRoles(db, id)?.includes('admin') ?? false;

function item(db: DB, id: number): ItemRow | undefined {
  return stmt(db, 'SELECT kind, points, open_price, min_points, max_points FROM catalog_items WHERE id = ?').get(id) as ItemRow | undefined;
}

const lineQtyOk = (q: number): boolean => Number.isSafeInteger(q) && q > 0 && q <= maxLineQty;

/** The event says where it came from; the signature says which terminal sent it. They must agree. */
function fromTerminal(source: EventSource, counterId: string): boolean {
  return source.counterId === counterId;
}

/**
 * The prices the office knows for an item on a village day: the catalog's price now, and any price
 * the office's ledger already holds for that item on that day (a price changed during the day, while
 * the counter was offline and still had the old one). There is no price history table: these are the
 * prices the office can vouch for.
 */
function knownPrice(db: DB, itemId: number, localDate: string, current: number | null, price: number): boolean {
  // The usual case answers without the ledger: reading that day's lines for every pushed line made a
  // push quadratic in the day's redemptions of an item.
  if (price === current) return true;
  return !!stmt(
    db,
    `SELECT 1 FROM redemptions d JOIN redemption_lines l ON l.redemption_id = d.id
      WHERE d.local_date = ? AND l.item_id = ? AND l.unit_points = ? LIMIT 1`,
  ).get(localDate, itemId, price);
}

export function checkRedemption(db: DB, p: EventPayload<'redemption.create'>, counterId: string, service: boolean): Refusal | null {
  if (p.counterId !== counterId || !fromTerminal(p.source, counterId) || !p.receiptNo.startsWith(`${counterId}-${p.year}-`)) {
    return refuse('receipt_namespace', { receiptNo: p.receiptNo, counterId });
  }
  if (p.kind !== (service ? 'service' : 'counter')) return refuse('schema_invalid', { kind: p.kind });
  if (p.operatorId !== p.source.userId || !allowedAtCounter(db, p.operatorId, service ? ['provider'] : ['shopkeeper'])) {
    return refuse('operator_not_allowed', { operatorId: p.operatorId });
  }
  if (p.overrideBy !== null && (!isAdmin(db, p.overrideBy) || !p.overrideReason)) return refuse('supervisor_not_admin', { supervisorId: p.overrideBy });
  if (!stmt(db, 'SELECT 1 FROM households WHERE id = ?').get(p.householdId)) return refuse('unknown_reference', { householdId: p.householdId });
  let sum = 0;
  for (const l of p.lines) {
    if (!lineQtyOk(l.qty)) return refuse('qty_bounds', { itemId: l.itemId, qty: l.qty });
    const it = item(db, l.itemId);
    if (!it) return refuse('unknown_reference', { itemId: l.itemId });
    if (it.kind !== l.kind || (service && it.kind !== 'service')) return refuse('item_mismatch', { itemId: l.itemId, kind: l.kind });
    if (it.open_price === 1) {
      if (l.unitPoints < (it.min_points ?? 1) || (it.max_points !== null && l.unitPoints > it.max_points)) {
        return refuse('open_price_bounds', { itemId: l.itemId, unitPoints: l.unitPoints, min: it.min_points, max: it.max_points });
      }
    } else if (!knownPrice(db, l.itemId, p.localDate, it.points, l.unitPoints)) {
      return refuse('price_mismatch', { itemId: l.itemId, unitPoints: l.unitPoints, price: it.points });
    }
    if (l.linePoints !== l.unitPoints * l.qty) return refuse('total_mismatch', { itemId: l.itemId, linePoints: l.linePoints });
    if (
      l.kind === 'goods'
        ? l.providerId !== null
        : l.providerId !== null && !stmt(db, 'SELECT 1 FROM item_providers WHERE item_id = ? AND provider_id = ?').get(l.itemId, l.providerId)
    ) {
      return refuse('provider_not_allowed', { itemId: l.itemId, providerId: l.providerId });
    }
    sum += l.linePoints;
  }
  if (sum !== p.totalPoints) return refuse('total_mismatch', { totalPoints: p.totalPoints, sumOfLines: sum });
  return null;
}

export function checkVoid(db: DB, p: EventPayload<'redemption.void'>, counterId: string): Refusal | null {
  const r = stmt(db, 'SELECT counter_id FROM redemptions WHERE receipt_no = ?').get(p.receiptNo) as { counter_id: string } | undefined;
  if (!r) return refuse('unknown_reference', { receiptNo: p.receiptNo });
  if (r.counter_id !== counterId || !fromTerminal(p.source, counterId)) return refuse('void_not_own', { receiptNo: p.receiptNo, issuedBy: r.counter_id });
  if (p.userId !== p.source.userId || !allowedAtCounter(db, p.userId, ['shopkeeper'])) return refuse('operator_not_allowed', { userId: p.userId });
  if (!isAdmin(db, p.supervisorId)) return refuse('supervisor_not_admin', { supervisorId: p.supervisorId });
  return null;
}

const docInNamespace = (no: string, prefix: string, counterId: string, source: EventSource): boolean =>
  fromTerminal(source, counterId) && no.startsWith(`${prefix}-${counterId}-${source.year}-`);

export function checkReceive(db: DB, p: EventPayload<'stock.receive'>, counterId: string): Refusal | null {
  if (!docInNamespace(p.noteNo, 'RK', counterId, p.source)) return refuse('document_namespace', { noteNo: p.noteNo, counterId });
  if (!allowedAtCounter(db, p.source.userId, ['shopkeeper'])) return refuse('operator_not_allowed', { userId: p.source.userId });
  for (const l of p.lines) {
    if (!lineQtyOk(l.qty)) return refuse('qty_bounds', { itemId: l.itemId, qty: l.qty, max: maxLineQty });
    const it = item(db, l.itemId);
    if (!it) return refuse('unknown_reference', { itemId: l.itemId });
    if (it.kind !== 'goods') return refuse('item_mismatch', { itemId: l.itemId });
  }
  return null;
}

export function checkStocktake(db: DB, p: EventPayload<'stock.stocktake'>, counterId: string): Refusal | null {
  if (!docInNamespace(p.sheetNo, 'PD', counterId, p.source)) return refuse('document_namespace', { sheetNo: p.sheetNo, counterId });
  if (!allowedAtCounter(db, p.source.userId, ['shopkeeper'])) return refuse('operator_not_allowed', { userId: p.source.userId });
  if (p.lines.length === 0) return refuse('count_without_sheet', { lines: 0 });
  const seen = new Set<number>();
  for (const l of p.lines) {
    const sane = (q: number) => Number.isSafeInteger(q) && q >= 0 && q <= maxCountQty;
    if (!sane(l.countedQty) || Math.abs(l.expectedQty) > maxCountQty)
      return refuse('qty_bounds', { itemId: l.itemId, countedQty: l.countedQty, expectedQty: l.expectedQty });
    if (seen.has(l.itemId) || l.delta !== l.countedQty - l.expectedQty || (l.delta !== 0 && l.reason.trim() === '')) {
      return refuse('count_without_sheet', { itemId: l.itemId, delta: l.delta });
    }
    seen.add(l.itemId);
    const it = item(db, l.itemId);
    if (!it) return refuse('unknown_reference', { itemId: l.itemId });
    if (it.kind !== 'goods') return refuse('item_mismatch', { itemId: l.itemId });
  }
  return null;
}

export function checkClose(db: DB, p: EventPayload<'day.close'>, counterId: string): Refusal | null {
  if (p.counterId !== counterId || !fromTerminal(p.source, counterId)) return refuse('close_other_terminal', { closeCounterId: p.counterId, counterId });
  if (p.userId !== p.source.userId || !allowedAtCounter(db, p.userId, ['shopkeeper'])) return refuse('operator_not_allowed', { userId: p.userId });
  return null;
}
