/**
 * Finding goods by what the shopkeeper can type: part of the name, the barcode, pinyin initials
 * (dm → 大米) or full pinyin (dami). The server spells each name (catalog.list), so this stays pure.
 */
export interface Matchable {
  name: string;
  barcode?: string | null;
  initials?: string;
  pinyin?: string;
}

/** Lower is better; null is no match. Pinyin counts only for a query of plain letters. */
export function matchRank(item: Matchable, query: string): number | null {
  const q = query.trim().toLowerCase();
  if (!q) return 0;
  const name = item.name.toLowerCase();
  if (name === q) return 0;
  if ((item.barcode ?? '').toLowerCase() === q) return 1;
  if (name.includes(q)) return 2;
  const typed = q.replace(/[\s']/g, '');
  if (!/^[a-z]+$/.test(typed)) return null;
  if (item.initials?.startsWith(typed)) return 3;
  if (item.pinyin?.startsWith(typed)) return 4;
  if (item.initials?.includes(typed)) return 5;
  if (item.pinyin?.includes(typed)) return 6;
  return null;
}

/** The matching items, best first; equal ranks keep the catalog's order. */
export function matchGoods<T extends Matchable>(items: readonly T[], query: string): T[] {
  return items
    .map((item, i) => ({ item, i, rank: matchRank(item, query) }))
    .filter((m): m is { item: T; i: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((m) => m.item);
}
