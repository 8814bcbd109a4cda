import { describe, expect, it } from 'vitest';
import { displayWidth, leftRight, padStart, printable, wrap } from './display-width.js';

describe('display width', () => {
  it('counts ASCII as 1 column and Chinese as 2', () => {
    expect(displayWidth('abc123')).toBe(6);
    expect(displayWidth('张三')).toBe(4);
    expect(displayWidth('张三A1')).toBe(6);
  });

  it('counts a surrogate pair as one 2-column character', () => {
    expect('𠮷'.length).toBe(2);
    expect(displayWidth('𠮷')).toBe(2);
    expect(displayWidth('𠮷䶮㐀')).toBe(6);
  });

  it('counts symbols the printer prints full-width as 2', () => {
    expect(displayWidth('×')).toBe(2);
    expect(displayWidth('：')).toBe(2);
  });
});

describe('printable', () => {
  it('drops control bytes that would reach the printer as commands', () => {
    expect(printable('张\x1b@三\x1dV\x00')).toBe('张@三V');
    expect(printable('a\nb\tc')).toBe('a b c');
  });

  it('drops variation selectors and lone surrogates but keeps surrogate pairs', () => {
    expect(printable('葛\u{E0100}𠮷\uFE0F')).toBe('葛𠮷');
    expect(printable('a\ud842b')).toBe('ab');
  });
});

describe('pad', () => {
  it('pads by columns', () => {
    expect(padStart('𠮷', 5)).toBe('   𠮷');
    expect(padStart('toolong', 3)).toBe('toolong');
  });
});

describe('wrap', () => {
  it('breaks Chinese anywhere and keeps every line within the width', () => {
    const lines = wrap('超长商品名称测试用例一二三四五六七', 10);
    expect(lines).toEqual(['超长商品名', '称测试用例', '一二三四五', '六七']);
  });

  it('keeps a short ASCII run together and never splits a surrogate pair', () => {
    expect(wrap('洗衣粉洗衣粉 500g', 14)).toEqual(['洗衣粉洗衣粉', '500g']);
    expect(wrap('a𠮷𠮷𠮷', 4)).toEqual(['a𠮷', '𠮷𠮷']);
  });

  it('breaks an ASCII run longer than the line', () => {
    expect(wrap('ABCDEFGHIJ', 4)).toEqual(['ABCD', 'EFGH', 'IJ']);
  });

  it('returns one empty line for empty text', () => {
    expect(wrap('', 8)).toEqual(['']);
  });

  it('fits every line for many widths', () => {
    const text = '张𠮷䶮 C01-2026-000123 洗衣粉(500g)×2 特别长的商品名称ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let w = 2; w <= 48; w++) {
      const lines = wrap(text, w);
      for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(w);
      expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });
});

describe('leftRight', () => {
  it('puts right flush to the edge when both fit', () => {
    expect(leftRight('合计', '45', 10)).toEqual(['合计    45']);
  });

  it('moves right under left when they do not fit', () => {
    expect(leftRight('很长很长的名字', '123', 12)).toEqual(['很长很长的名', '字', '         123']);
  });
});
