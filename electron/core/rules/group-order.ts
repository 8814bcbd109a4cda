const digits: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 … 九十九 as a number; null for anything else. */
export function chineseNumber(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十]+$/.test(s)) return null;
  if (!s.includes('十')) return [...s].reduce((n, c) => n * 10 + digits[c], 0);
  const [tens, ones] = s.split('十');
  if (ones.includes('十')) return null;
  return (tens === '' ? 1 : (digits[tens] ?? NaN)) * 10 + (ones === '' ? 0 : (digits[ones] ?? NaN));
}

/**
 * Sort key for villager groups (村民小组): numbers inside the name, Chinese or Arabic, compare as numbers,
 * so 第二村民小组 comes before 第三 and 第十 after 第九, as the village counts them.
 */
export function groupSortKey(name: string): string {
  return name.replace(/[零〇一二两三四五六七八九十]+|\d+/g, (m) => {
    const n = /^\d+$/.test(m) ? Number(m) : chineseNumber(m);
    return n === null || Number.isNaN(n) ? m : `#${String(n).padStart(6, '0')}`;
  });
}
