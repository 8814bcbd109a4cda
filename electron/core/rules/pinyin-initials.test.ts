import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './pinyin-initials.js';

describe('pinyin initials', () => {
  it('gives the initials of a Chinese name', () => {
    expect(pinyinInitials('张三丰')).toBe('zsf');
    expect(pinyinInitials('李秀英')).toBe('lxy');
  });
  it('reads a polyphonic surname as a surname', () => {
    expect(pinyinInitials('单田芳')).toBe('stf');
    expect(pinyinInitials('曾国藩')).toBe('zgf');
  });
  it('counts only Han characters', () => {
    expect(pinyinInitials('Anna 王')).toBe('w');
  });
});
