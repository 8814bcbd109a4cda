/**
 * The counter refuses a mistake at the scan, before the cart holds it: goods out of stock, an item
 * over the household's yearly limit, or more points than are available. Pure: it decides with what
 * the counter already has (the catalog's stock, households.get's account, itemUse and notice); the
 * server still judges the redemption.
 */
import { cartTotal, type CartLine } from './cart';

export interface GuardItem {
  id: number;
  kind: 'goods' | 'service';
  name: string;
  unit: string;
  stock: number | null;
  limitPerHouseholdPerYear?: number | null;
}

export interface GuardHousehold {
  available: number;
  /** This year's redeemed quantity per item (households.get itemUse). */
  itemUse: readonly { itemId: number; qty: number }[];
  /** Points still in the notice period (公示中). */
  notice?: { points: number; countsOn: string } | null;
}

export type ScanRefusal =
  | { reason: 'out_of_stock'; itemName: string; unit: string; stock: number; inCart: number }
  | { reason: 'item_limit'; itemName: string; unit: string; limit: number; already: number; inCart: number }
  | { reason: 'insufficient_points'; itemName: string; available: number; required: number; shortBy: number; notice?: { points: number; countsOn: string } }
  | { reason: 'owed'; owed: number };

const qtyInCart = (lines: readonly CartLine[], itemId: number) => lines.filter((l) => l.itemId === itemId).reduce((s, l) => s + l.qty, 0);

/** Whether `qty` more of `item` at `unitPoints` each may go into the cart; null when it may. */
export function guardAdd(lines: readonly CartLine[], item: GuardItem, unitPoints: number, qty: number, h: GuardHousehold): ScanRefusal | null {
  const inCart = qtyInCart(lines, item.id);
  if (item.kind === 'goods' && item.stock !== null && inCart + qty > item.stock) {
    return { reason: 'out_of_stock', itemName: item.name, unit: item.unit, stock: Math.max(0, item.stock), inCart };
  }
  const limit = item.limitPerHouseholdPerYear ?? null;
  if (limit !== null) {
    const already = h.itemUse.find((u) => u.itemId === item.id)?.qty ?? 0;
    if (already + inCart + qty > limit) return { reason: 'item_limit', itemName: item.name, unit: item.unit, limit, already, inCart };
  }
  if (h.available < 0) return { reason: 'owed', owed: -h.available };
  const required = cartTotal(lines) + unitPoints * qty;
  if (required > h.available) {
    const shortBy = required - h.available;
    const notice = h.notice && h.notice.points >= shortBy ? { points: h.notice.points, countsOn: h.notice.countsOn } : undefined;
    return { reason: 'insufficient_points', itemName: item.name, available: h.available, required, shortBy, ...(notice ? { notice } : {}) };
  }
  return null;
}

export type RedeemBlock =
  | { reason: 'no_household' }
  | { reason: 'empty_cart' }
  | { reason: 'busy' }
  | { reason: 'owed'; owed: number }
  | { reason: 'over_available'; shortBy: number }
  | { reason: 'out_of_stock'; itemName: string; unit: string; stock: number }
  | { reason: 'item_limit'; itemName: string; unit: string; limit: number; already: number };

/** Why the 兑换 button cannot be pressed now, or null when it can: the button says so beside it. */
export function redeemBlock(lines: readonly CartLine[], h: GuardHousehold | null, busy: boolean): RedeemBlock | null {
  if (busy) return { reason: 'busy' };
  if (!h) return { reason: 'no_household' };
  if (lines.length === 0) return { reason: 'empty_cart' };
  if (h.available < 0) return { reason: 'owed', owed: -h.available };
  const seen = new Set<number>();
  for (const l of lines) {
    if (seen.has(l.itemId)) continue;
    seen.add(l.itemId);
    const q = qtyInCart(lines, l.itemId);
    if (l.kind === 'goods' && l.stock !== null && q > l.stock) return { reason: 'out_of_stock', itemName: l.name, unit: l.unit, stock: Math.max(0, l.stock) };
    if (l.limit != null) {
      const already = h.itemUse.find((u) => u.itemId === l.itemId)?.qty ?? 0;
      if (already + q > l.limit) return { reason: 'item_limit', itemName: l.name, unit: l.unit, limit: l.limit, already };
    }
  }
  const total = cartTotal(lines);
  if (total > h.available) return { reason: 'over_available', shortBy: total - h.available };
  return null;
}
