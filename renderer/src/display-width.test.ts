import { describe, expect, it } from 'vitest';
import { displayWidth } from '@shared/print/display-width';
import { columnRuns } from './display-width';

describe('display width', () => {
  it('counts ASCII as one column and every other character (CJK, rare, ×) as two, like the printer', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('刘䶮')).toBe(4);
    expect(displayWidth('王𠮷')).toBe(4);
    expect(displayWidth('1袋 × 15')).toBe(9);
  });
  it('cuts a line into half-width runs and single wide characters', () => {
    expect(columnRuns('单号：C01')).toEqual([
      { text: '单', wide: true },
      { text: '号', wide: true },
      { text: '：', wide: true },
      { text: 'C01', wide: false },
    ]);
    expect(columnRuns('王𠮷 ab').map((r) => r.text)).toEqual(['王', '𠮷', ' ab']);
    expect(columnRuns('')).toEqual([]);
  });
});
