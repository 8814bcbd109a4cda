import { describe, expect, it } from 'vitest';
import { spelling } from './spelling.js';

describe('spelling of goods names', () => {
  it('gives initials and full pinyin without tones', () => {
    expect(spelling('大米')).toEqual({ initials: 'dm', pinyin: 'dami' });
    expect(spelling('食用油 5L')).toEqual({ initials: 'syy', pinyin: 'shiyongyou' });
  });
  it('reads a first character as a word, not as a surname', () => {
    expect(spelling('长寿面').initials).toBe('csm');
  });
  it('writes ü as v, as pinyin keyboards do', () => {
    expect(spelling('绿豆').pinyin).toBe('lvdou');
  });
  it('spells nothing for a name without Han characters', () => {
    expect(spelling('Coca-Cola 330ml')).toEqual({ initials: '', pinyin: '' });
  });
});
