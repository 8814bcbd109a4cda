/**
 * The counter's cart, as pure functions over an immutable list of lines. Totals and warnings here
 * are hints for the shopkeeper; the server re-prices every line and is the judge.
 */

export interface CatalogItem {
  id: number;
  kind: 'goods' | 'service';
  name: string;
  unit: string;
  barcode?: string | null;
  points: number | null;
  openPrice: boolean;
  minPoints?: number | null;
  maxPoints?: number | null;
  stock: number | null;
  limitPerHouseholdPerYear?: number | null;
  providerIds?: readonly number[];
}

export interface CartLine {
  /** Item id, or item id + price for an open-price service (two different payments are two lines). */
  key: string;
  itemId: number;
  kind: 'goods' | 'service';
  name: string;
  unit: string;
  unitPoints: number;
  qty: number;
  openPrice: boolean;
  /** Stock when the item was last loaded; null for services. */
  stock: number | null;
  /** The item's per-household yearly limit, if any. */
  limit?: number | null;
  /** Who delivered a service, when the service has several providers and the counter asked. */
  providerId?: number;
  providerName?: string;
}

/** Two payments of an open price, or one service by two providers, are two lines. */
export const lineKey = (item: Pick<CatalogItem, 'id' | 'openPrice'>, points?: number, providerId?: number): string =>
  `${item.openPrice ? `${item.id}@${points}` : String(item.id)}${providerId === undefined ? '' : `~${providerId}`}`;

export const maxQty = 10_000;

/** Adds one of an item (or one open-price payment of `points`): an existing line gets qty + 1. */
export function addItem(lines: readonly CartLine[], item: CatalogItem, points?: number, provider?: { id: number; name: string }): CartLine[] {
  const unitPoints = item.openPrice ? points : item.points;
  if (unitPoints === undefined || unitPoints === null || !Number.isInteger(unitPoints) || unitPoints <= 0) {
    throw new Error(`no price for ${item.name}`);
  }
  const key = lineKey(item, points, provider?.id);
  const existing = lines.find((l) => l.key === key);
  if (existing) return lines.map((l) => (l.key === key ? { ...l, qty: Math.min(maxQty, l.qty + 1), stock: item.stock } : l));
  return [
    ...lines,
    {
      key,
      itemId: item.id,
      kind: item.kind,
      name: item.name,
      unit: item.unit,
      unitPoints,
      qty: 1,
      openPrice: item.openPrice,
      stock: item.stock,
      limit: item.limitPerHouseholdPerYear ?? null,
      ...(provider ? { providerId: provider.id, providerName: provider.name } : {}),
    },
  ];
}

/** Sets a line's quantity; zero or less removes the line. */
export function setQty(lines: readonly CartLine[], key: string, qty: number): CartLine[] {
  if (!Number.isFinite(qty)) return [...lines];
  const q = Math.min(maxQty, Math.trunc(qty));
  if (q <= 0) return removeLine(lines, key);
  return lines.map((l) => (l.key === key ? { ...l, qty: q } : l));
}

/** +1 / −1 from the keys or buttons; never below 1 (removing a line is its own, deliberate action). */
export function changeQty(lines: readonly CartLine[], key: string, delta: number): CartLine[] {
  const line = lines.find((l) => l.key === key);
  if (!line) return [...lines];
  return setQty(lines, key, Math.max(1, line.qty + delta));
}

export function removeLine(lines: readonly CartLine[], key: string): CartLine[] {
  return lines.filter((l) => l.key !== key);
}

export const lineTotal = (l: CartLine): number => l.unitPoints * l.qty;

export function cartTotal(lines: readonly CartLine[]): number {
  return lines.reduce((s, l) => s + lineTotal(l), 0);
}

export interface CartCheck {
  total: number;
  /** available − total; negative means the cart is over the household's balance. */
  remaining: number;
  overBy: number;
  /** Goods whose wanted quantity (summed over lines) is more than the stock we know of. */
  shortStock: { itemId: number; name: string; unit: string; stock: number; wanted: number }[];
  /** The household owes points: nothing can be redeemed. */
  blocked: boolean;
}

export function checkCart(lines: readonly CartLine[], available: number | null): CartCheck {
  const total = cartTotal(lines);
  const wanted = new Map<number, { line: CartLine; qty: number }>();
  for (const l of lines) {
    if (l.kind !== 'goods' || l.stock === null) continue;
    const w = wanted.get(l.itemId) ?? { line: l, qty: 0 };
    w.qty += l.qty;
    wanted.set(l.itemId, w);
  }
  const shortStock = [...wanted.values()]
    .filter((w) => w.qty > (w.line.stock ?? 0))
    .map((w) => ({ itemId: w.line.itemId, name: w.line.name, unit: w.line.unit, stock: w.line.stock ?? 0, wanted: w.qty }));
  const avail = available ?? 0;
  return {
    total,
    remaining: avail - total,
    overBy: Math.max(0, total - avail),
    shortStock,
    blocked: available !== null && available < 0,
  };
}

/** The lines as redemptions.create takes them: a price only for open-price services. */
export function toRequestLines(lines: readonly CartLine[]): { itemId: number; qty: number; points?: number; providerId?: number }[] {
  return lines.map((l) => ({
    itemId: l.itemId,
    qty: l.qty,
    ...(l.openPrice ? { points: l.unitPoints } : {}),
    ...(l.providerId !== undefined ? { providerId: l.providerId } : {}),
  }));
}

/** Identifies "the same cart for the same household": a retry of it reuses its requestId. */
export function cartSignature(householdId: number, lines: readonly CartLine[]): string {
  return JSON.stringify([householdId, toRequestLines(lines)]);
}

/** Which line the +/− keys act on after a change: keep the selection if it still exists, else the last line. */
export function keepSelection(lines: readonly CartLine[], selected: string | null): string | null {
  if (selected && lines.some((l) => l.key === selected)) return selected;
  return lines.length ? lines[lines.length - 1].key : null;
}

export function moveSelection(lines: readonly CartLine[], selected: string | null, delta: number): string | null {
  if (!lines.length) return null;
  const i = lines.findIndex((l) => l.key === selected);
  if (i < 0) return lines[delta > 0 ? 0 : lines.length - 1].key;
  return lines[Math.min(lines.length - 1, Math.max(0, i + delta))].key;
}

export interface OpenPriceCheck {
  ok: true;
  points: number;
}
export type OpenPriceResult = OpenPriceCheck | { ok: false; min: number; max: number };

/** An open price typed at the counter: a whole number within the item's bounds. */
export function checkOpenPrice(item: Pick<CatalogItem, 'minPoints' | 'maxPoints'>, raw: string): OpenPriceResult {
  const min = item.minPoints ?? 1;
  const max = item.maxPoints ?? 1_000_000;
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return { ok: false, min, max };
  const n = Number(s);
  return n >= min && n <= max ? { ok: true, points: n } : { ok: false, min, max };
}

export interface PendingRequest {
  signature: string;
  requestId: string;
}

/**
 * The requestId for submitting a cart: the same cart (same household, same lines) keeps the id it
 * was first confirmed with, so a retry after a lost answer or a supervisor override redeems once;
 * any change to the cart makes it a new request.
 */
export function requestFor(pending: PendingRequest | null, signature: string, fresh: () => string): PendingRequest {
  return pending && pending.signature === signature ? pending : { signature, requestId: fresh() };
}
