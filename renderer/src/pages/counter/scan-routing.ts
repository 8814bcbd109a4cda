/**
 * What Enter in the scan field means. A USB scanner types a code and Enter; a shopkeeper types a
 * card number, a name, pinyin initials or phone digits. These functions decide, the page acts.
 */

export interface ScanState {
  householdActive: boolean;
  cartEmpty: boolean;
}

export type ScanAction =
  | { kind: 'none' }
  /** Enter on an empty field with something in the cart. */
  | { kind: 'redeem' }
  /** No customer yet: whatever was typed identifies a household. */
  | { kind: 'find-household'; q: string }
  /** A customer is active: a barcode adds goods; failing that it may be another household's card. */
  | { kind: 'find-item'; q: string; barcode: boolean };

/** Same rule as the server's barcode field: 4–32 of digits, letters and '-'. */
export const looksLikeBarcode = (code: string): boolean => /^[0-9A-Za-z-]{4,32}$/.test(code);

export function routeScan(raw: string, state: ScanState): ScanAction {
  const q = raw.trim();
  if (!q) return state.householdActive && !state.cartEmpty ? { kind: 'redeem' } : { kind: 'none' };
  if (!state.householdActive) return { kind: 'find-household', q };
  return { kind: 'find-item', q, barcode: looksLikeBarcode(q) };
}

export interface HouseholdHit {
  id: number;
  cardNo: string;
  headName: string;
  group?: string;
  score?: number;
  available?: number;
}

export type HitDecision<H extends HouseholdHit = HouseholdHit> =
  | { kind: 'none' }
  | { kind: 'load'; id: number }
  /** The one hit is the household already at the counter. */
  | { kind: 'same' }
  | { kind: 'pick'; items: H[] }
  /** Another household, but the current one still has a cart: finish or clear it first. */
  | { kind: 'blocked' };

export function decideHouseholdHits<H extends HouseholdHit>(
  found: readonly H[],
  state: { currentId: number | null; cartEmpty: boolean; q?: string },
): HitDecision<H> {
  // A full card number is unambiguous even when it is also the prefix of other cards.
  const exact = state.q === undefined ? undefined : found.find((h) => h.cardNo === state.q);
  const hits = exact ? [exact] : found;
  if (hits.length === 0) return { kind: 'none' };
  if (hits.length === 1 && hits[0].id === state.currentId) return { kind: 'same' };
  if (state.currentId !== null && !state.cartEmpty) return { kind: 'blocked' };
  if (hits.length === 1) return { kind: 'load', id: hits[0].id };
  return { kind: 'pick', items: [...hits] };
}

/** Digits 1–9 pick from a pick list; anything else (or a digit past the end) is not a pick. */
export function pickIndexFromKey(key: string, count: number): number | null {
  if (!/^[1-9]$/.test(key)) return null;
  const i = Number(key) - 1;
  return i < count ? i : null;
}

/** Arrow keys move through a list and wrap at both ends. */
export function moveIndex(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return (((index + delta) % count) + count) % count;
}

/** Goods or services whose name (or barcode) contains the query; exact name first. */
export function filterItems<T extends { name: string; barcode?: string | null }>(items: readonly T[], q: string): T[] {
  const s = q.trim().toLowerCase();
  if (!s) return [...items];
  const hits = items.filter((i) => i.name.toLowerCase().includes(s) || (i.barcode ?? '') === s);
  return hits.sort((a, b) => Number(b.name.toLowerCase() === s) - Number(a.name.toLowerCase() === s));
}
