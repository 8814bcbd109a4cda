import { describe, expect, it } from 'vitest';
import { columnRuns, displayWidth, leftRight } from './display-width';

describe('display width', () => {
  it('counts ASCII as one column and every other character (CJK, rare, ×) as two, like the printer', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('刘䶮')).toBe(4);
    expect(displayWidth('王𠮷')).toBe(4);
    expect(displayWidth('1袋 × 15')).toBe(9);
  });
  it('pads label and value to the width', () => {
    expect(leftRight('合计', '68', 12)).toBe('合计      68');
    expect(leftRight('很长很长的标签', '68', 8)).toBe('很长很长的标签 68');
  });
  it('cuts a line into half-width runs and single wide characters', () => {
    expect(columnRuns('单号：C01')).toEqual([
      { text: '单', wide: true }, { text: '号', wide: true }, { text: '：', wide: true }, { text: 'C01', wide: false },
    ]);
    expect(columnRuns('王𠮷 ab').map((r) => r.text)).toEqual(['王', '𠮷', ' ab']);
    expect(columnRuns('')).toEqual([]);
  });
});
