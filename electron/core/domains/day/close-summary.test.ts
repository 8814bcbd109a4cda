import { describe, expect, it } from 'vitest';
import { closeTotals, compareClose } from './close-summary.js';

const r = (receiptNo: string, at: string, totalPoints: number) => ({ receiptNo, at, totalPoints });

describe('day close totals', () => {
  it('counts receipts and their gross points, and voids with the points they returned', () => {
    const t = closeTotals(
      [r('C02-2026-000002', '2026-03-15T02:00:00.000Z', 30), r('C02-2026-000001', '2026-03-15T01:00:00.000Z', 10)],
      [{ receiptNo: 'C02-2026-000001', at: '2026-03-15T03:00:00.000Z', totalPoints: 10 }],
    );
    expect(t).toEqual({ count: 2, points: 40, voids: 1, voidPoints: 10, firstReceiptNo: 'C02-2026-000001', lastReceiptNo: 'C02-2026-000002' });
  });

  it("orders first and last by time, so a new year's first receipt comes after December's last", () => {
    const t = closeTotals([r('C02-2027-000001', '2026-12-31T16:30:00.000Z', 5), r('C02-2026-000950', '2026-12-31T15:50:00.000Z', 5)], []);
    expect([t.firstReceiptNo, t.lastReceiptNo]).toEqual(['C02-2026-000950', 'C02-2027-000001']);
  });

  it('an empty day has zero totals and no receipt numbers', () => {
    expect(closeTotals([], [])).toEqual({ count: 0, points: 0, voids: 0, voidPoints: 0, firstReceiptNo: null, lastReceiptNo: null });
  });
});

describe('reconciling a close', () => {
  const held = { ...closeTotals([r('A-1', '1', 10), r('A-2', '2', 20)], []), receipts: ['A-1', 'A-2'] };
  it('agrees when totals and receipts agree', () => {
    expect(compareClose({ ...held }, held)).toBeNull();
  });
  it('names the fields that differ, and the receipts missing at the office or extra there', () => {
    const reported = { ...closeTotals([r('A-1', '1', 10), r('A-3', '3', 5)], []), receipts: ['A-1', 'A-3'] };
    expect(compareClose(reported, held)).toEqual({
      fields: [
        { field: 'points', reported: 15, held: 30 },
        { field: 'lastReceiptNo', reported: 'A-3', held: 'A-2' },
      ],
      missing: ['A-3'],
      extra: ['A-2'],
    });
  });
  it('a void the counter had not seen is a mismatch in voids', () => {
    const withVoid = { ...held, voids: 1, voidPoints: 10 };
    expect(compareClose(held, withVoid)?.fields.map((f) => f.field)).toEqual(['voids', 'voidPoints']);
  });
});
