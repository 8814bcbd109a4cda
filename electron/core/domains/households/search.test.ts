import { describe, expect, it } from 'vitest';
import { classifyQuery } from './search.js';

describe('search query classification', () => {
  it('treats scanned or typed card numbers and phone digits as digits', () => {
    expect(classifyQuery('66010001')).toBe('digits');
    expect(classifyQuery('5678')).toBe('digits');
    expect(classifyQuery('HY-0012')).toBe('digits');
  });
  it('treats latin letters as pinyin initials', () => {
    expect(classifyQuery('zsf')).toBe('initials');
    expect(classifyQuery('ZSF')).toBe('initials');
  });
  it('treats Chinese as a name', () => {
    expect(classifyQuery('张三')).toBe('name');
  });
});
