import { describe, expect, it } from 'vitest';
import { monthName } from '../../format';
import { categoryChart, monthChart, participationPercent, redemptionChart, type Summary } from './charts';
import { reportTitle } from './report-title';

const labels = { awarded: '奖励', deducted: '扣减', redeemed: '兑换', other: '其他', month: (m: string) => monthName(m, 'zh') };
const summary = {
  points: {
    byCategory: [
      { category: '乡风文明', awarded: 150, deducted: 0 },
      { category: '环境卫生', awarded: 0, deducted: 10 },
    ],
  },
  redemptions: {
    byItem: Array.from({ length: 9 }, (_, i) => ({ name: `商品${i}`, points: 100 - i })),
    byService: [{ name: '剪头发', points: 5 }],
  },
  months: [],
  stock: { funding: { items: [] } },
} as unknown as Summary;

describe('report charts', () => {
  it('categories as awarded and deducted bars', () => {
    const o = categoryChart(summary, labels);
    expect(o.xAxis.data).toEqual(['乡风文明', '环境卫生']);
    expect(o.series.map((s: { data: number[] }) => s.data)).toEqual([
      [150, 0],
      [0, 10],
    ]);
  });
  it('the redemption pie keeps the biggest items and sums the rest as 其他', () => {
    const data = redemptionChart(summary, labels, 7).series[0].data as { name: string; value: number }[];
    expect(data).toHaveLength(8);
    expect(data[7]).toEqual({ name: '其他', value: 93 + 92 + 5 });
  });
  it('months on the axis in the language', () => {
    const months = {
      ...summary,
      months: [{ month: '2026-01' }, { month: '2026-02' }].map((m) => ({ ...m, awarded: 1, deducted: 0, redeemed: 0 })),
    } as unknown as Summary;
    expect(monthChart(months, labels).xAxis.data).toEqual(['1月', '2月']);
    expect(monthChart(months, { ...labels, month: (m) => monthName(m, 'en') }).xAxis.data).toEqual(['Jan', 'Feb']);
  });
  it("titles in the language: the server's Chinese title, English in its own words", () => {
    expect(reportTitle({ kind: 'month', year: 2026, month: 3 }, 'zh')).toBe('2026年3月积分工作月报');
    expect(reportTitle({ kind: 'month', year: 2026, month: 3 }, 'en')).toBe('Points report, Mar 2026');
    expect(reportTitle({ kind: 'quarter', year: 2026, quarter: 2 }, 'en')).toBe('Points report, Q2 2026');
    expect(reportTitle({ kind: 'progress', year: 2026, which: 'annual' }, 'en')).toBe('Points work summary 2026');
  });
  it('participation as a percentage', () => {
    expect(participationPercent({ households: 8, withPoints: 3 })).toBe('37.5%');
    expect(participationPercent({ households: 0, withPoints: 0 })).toBe('—');
  });
});
