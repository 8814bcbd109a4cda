import { describe, expect, it } from 'vitest';
import { recentServed, type DayRedemption } from './recent';

const row = (id: number, over: Partial<DayRedemption> = {}): DayRedemption => ({
  id,
  receiptNo: `R${id}`,
  headName: `户${id}`,
  totalPoints: 10 * id,
  kind: 'counter',
  voided: false,
  ...over,
});

describe('recentServed', () => {
  it('lists the day from the server, newest first, at most eight', () => {
    const day = Array.from({ length: 10 }, (_, i) => row(i + 1));
    const list = recentServed(day, new Map());
    expect(list.map((s) => s.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);
    expect(list[0]).toEqual({ id: 10, receiptNo: 'R10', name: '户10', points: 100 });
  });

  it('leaves out voided redemptions and services', () => {
    expect(recentServed([row(1), row(2, { voided: true }), row(3, { kind: 'service' })], new Map()).map((s) => s.id)).toEqual([1]);
  });

  it('shows the print outcome this session saw, and none it did not see', () => {
    const list = recentServed([row(1), row(2)], new Map([[2, { print: 'failed' as const, error: '缺纸' }]]));
    expect(list).toEqual([
      { id: 2, receiptNo: 'R2', name: '户2', points: 20, print: 'failed', error: '缺纸' },
      { id: 1, receiptNo: 'R1', name: '户1', points: 10 },
    ]);
  });

  it('keeps a redemption made while the list was loading', () => {
    const local = [{ id: 3, receiptNo: 'R3', name: '户3', points: 30, print: 'printing' as const }];
    expect(recentServed([row(1), row(2)], new Map(), local).map((s) => s.id)).toEqual([3, 2, 1]);
    expect(recentServed([row(3)], new Map([[3, { print: 'printed' as const }]]), local)).toEqual([
      { id: 3, receiptNo: 'R3', name: '户3', points: 30, print: 'printed' },
    ]);
  });
});
