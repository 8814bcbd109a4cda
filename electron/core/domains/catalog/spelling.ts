import { pinyin } from 'pinyin-pro';

/**
 * How a shopkeeper types a name without a Chinese keyboard: 大米 → dm or dami. Goods are not people,
 * so unlike households' initials no surname reading (长寿面 is chang, not zhang). Only Han characters
 * are spelled: "5L" or "Coca" already match as typed.
 */
export function spelling(name: string): { initials: string; pinyin: string } {
  const han = name.replace(/[^\p{Script=Han}]/gu, '');
  const read = (pattern: 'first' | 'pinyin') =>
    pinyin(han, { pattern, toneType: 'none', type: 'array', v: true })
      .join('')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return { initials: read('first'), pinyin: read('pinyin') };
}
