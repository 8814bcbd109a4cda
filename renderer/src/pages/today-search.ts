/** What 今日兑换's search box looks at in a receipt row. */
export interface FindableRedemption {
  receiptNo: string;
  headName: string;
  headInitials?: string;
  cardNo: string;
}

/**
 * A receipt matches when the query is part of its number (C01-2026-000012, or just 12), the head's
 * name, the card number, or the head's pinyin initials (zsf). Case and spaces do not matter.
 */
export function matchesRedemption(row: FindableRedemption, query: string): boolean {
  const q = query.replace(/\s+/g, '').toLowerCase();
  if (!q) return true;
  return (
    row.receiptNo.toLowerCase().includes(q) ||
    row.headName.includes(q) ||
    row.cardNo.includes(q) ||
    (/^[a-z]+$/.test(q) && (row.headInitials ?? '').startsWith(q))
  );
}
