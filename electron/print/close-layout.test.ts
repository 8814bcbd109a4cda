import { describe, expect, it } from 'vitest';
import { layoutDayClose, type DayCloseSlip } from './close-layout.js';
import { displayWidth } from './display-width.js';

const slip: DayCloseSlip = {
  villageName: '红阳村',
  counterId: 'C02',
  closeNo: 7,
  from: '2026-03-15 08:00',
  to: '2026-03-15 17:30',
  printedAt: '2026-03-15 17:31',
  count: 42,
  points: 1260,
  voids: 2,
  voidPoints: 40,
  firstReceiptNo: 'C02-2026-000101',
  lastReceiptNo: 'C02-2026-000142',
  operatorName: '李店长',
  reprint: false,
};

describe('day close slip', () => {
  it.each([32, 42, 48] as const)('fits %i columns and shows the numbers that are reconciled', (width) => {
    const lines = layoutDayClose(slip, width);
    for (const l of lines) expect(displayWidth(l.text)).toBeLessThanOrEqual(width);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('日结单');
    expect(text).toContain('C02-0007');
    expect(text).toMatch(/兑换笔数.*42/);
    expect(text).toMatch(/净兑换积分\s+1220/);
    expect(text).toContain('C02-2026-000101');
    expect(text).not.toContain('重打');
  });
  it('marks a reprint, and an empty day has no receipt numbers', () => {
    const text = layoutDayClose({ ...slip, reprint: true, count: 0, points: 0, firstReceiptNo: null, lastReceiptNo: null }, 32)
      .map((l) => l.text)
      .join('\n');
    expect(text).toContain('重打');
    expect(text).toContain('首单：（无）');
  });
});
