import { describe, expect, it } from 'vitest';
import { quotePieces } from './quoted';

describe('quoting village data inside a sentence', () => {
  it('marks each given value, the longest first, and nothing else', () => {
    expect(quotePieces('食用油 5L: out of stock — 0 桶 left', ['食用油', '食用油 5L', '桶'])).toEqual([
      { text: '食用油 5L', quoted: true },
      { text: ': out of stock — 0 ', quoted: false },
      { text: '桶', quoted: true },
      { text: ' left', quoted: false },
    ]);
    // Chinese that is not a given value stays the app's own words, so a test still sees it.
    expect(quotePieces('积分不足: 保温杯', ['保温杯'])).toEqual([
      { text: '积分不足: ', quoted: false },
      { text: '保温杯', quoted: true },
    ]);
    expect(quotePieces('No quotes', ['', ' '])).toEqual([{ text: 'No quotes', quoted: false }]);
  });
});
