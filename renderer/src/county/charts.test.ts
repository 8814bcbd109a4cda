import { describe, expect, it } from 'vitest';
import { fundingChart, itemChart, monthChart, villageChart } from './charts';

const labels = { awarded: '奖励分', deducted: '扣分', goods: '兑换商品', services: '兑换服务' };
const fig = (awarded: number, deducted: number, redeemedGoods: number, redeemedServices: number) => ({ awarded, deducted, redeemedGoods, redeemedServices });

describe('county charts', () => {
  it('draws one bar group per village, goods and services stacked as redemption', () => {
    const o = villageChart([{ name: '红阳村', ...fig(10, 2, 5, 1) }], labels);
    expect(o.xAxis.data).toEqual(['红阳村']);
    expect(o.series.map((s: { name: string; data: number[]; stack?: string }) => [s.name, s.data, s.stack])).toEqual([
      ['奖励分', [10], undefined],
      ['扣分', [2], undefined],
      ['兑换商品', [5], 'redeemed'],
      ['兑换服务', [1], 'redeemed'],
    ]);
  });
  it('rotates village names only when there are many', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ name: `村${i}`, ...fig(0, 0, 0, 0) }));
    expect(villageChart(many, labels).xAxis.axisLabel.rotate).toBe(30);
    expect(villageChart(many.slice(0, 2), labels).xAxis.axisLabel.rotate).toBe(0);
  });
  it('names months through the caller', () => {
    const o = monthChart([{ month: 1, ...fig(1, 0, 0, 0) }], labels, (m) => `${m}月`);
    expect(o.xAxis.data).toEqual(['1月']);
  });
  it('shows funding in yuan under each source’s own name', () => {
    const o = fundingChart([{ source: 'fiscal', fen: 12345 }], (s) => (s === 'fiscal' ? '财政补助' : s));
    expect(o.series[0].data).toEqual([{ name: '财政补助', value: 123.45 }]);
  });
  it('lists the items with most points at the top, coloured by kind', () => {
    const o = itemChart(
      [
        { kind: 'goods', name: '大米', points: 50 },
        { kind: 'service', name: '剪头发', points: 20 },
        { kind: 'goods', name: '牙膏', points: 8 },
      ],
      2,
    );
    expect(o.yAxis.data).toEqual(['剪头发', '大米']);
    expect(o.series[0].data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual(['#b45309', '#d97706']);
  });
});
