import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.js';
import { layoutDaySummary, type DaySummaryData } from './day-summary-layout.js';

const data: DaySummaryData = {
  villageName: '红阳村',
  date: '2026-03-15',
  printedAt: '2026-03-15 17:30:00',
  counterId: 'C01',
  bulkDay: true,
  households: 50,
  redemptions: 51,
  points: 1530,
  voids: 1,
  voidPoints: 30,
  firstReceiptNo: 'C01-2026-000001',
  lastReceiptNo: 'C01-2026-000051',
  items: [
    { name: '洗衣粉 1kg', unit: '袋', qty: 50, points: 750 },
    { name: '一个名字非常非常非常长的商品（家庭装特惠）', unit: '瓶', qty: 2, points: 20 },
  ],
  stockLeft: [{ name: '洗衣粉 1kg', unit: '袋', stock: 30 }],
  operatorName: '李店长',
};

describe('day summary slip', () => {
  it.each([32, 42, 48] as const)('fits %i columns and carries the totals', (width) => {
    const lines = layoutDaySummary(data, width);
    for (const l of lines) expect(displayWidth(l.text)).toBeLessThanOrEqual(width);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('集中兑换日汇总');
    expect(text).toMatch(/服务农户（户）\s+50/);
    expect(text).toMatch(/兑换积分\s+1530/);
    expect(text).toContain('作废 1 笔');
    expect(text).toContain('C01-2026-000051');
    expect(text).toMatch(/洗衣粉 1kg\s+30袋/);
  });
  it('an ordinary day with nothing redeemed says so', () => {
    const text = layoutDaySummary(
      { ...data, bulkDay: false, items: [], stockLeft: [], redemptions: 0, households: 0, points: 0, voids: 0, firstReceiptNo: null, lastReceiptNo: null },
      32,
    )
      .map((l) => l.text)
      .join('\n');
    expect(text).toContain('兑换日汇总');
    expect(text).not.toContain('集中');
    expect(text).toContain('（无兑换）');
    expect(text).not.toContain('作废');
  });
});
