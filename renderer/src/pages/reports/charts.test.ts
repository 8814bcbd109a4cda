import { describe, expect, it } from 'vitest';
import { categoryChart, participationPercent, redemptionChart, type Summary } from './charts';

const labels = { awarded: '奖励', deducted: '扣减', redeemed: '兑换', other: '其他' };
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
  it('participation as a percentage', () => {
    expect(participationPercent({ households: 8, withPoints: 3 })).toBe('37.5%');
    expect(participationPercent({ households: 0, withPoints: 0 })).toBe('—');
  });
});
