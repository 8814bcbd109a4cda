import { describe, expect, it } from 'vitest';
import { withRunning, type LedgerMove } from './running-totals.js';

const row = (kind: LedgerMove['kind'], points: number, status: LedgerMove['status'] = 'approved'): LedgerMove => ({ kind, points, status });
const run = (items: LedgerMove[]) => withRunning(items).map((r) => [r.runningScore, r.runningAvailable]);

describe('running score and running available', () => {
  it('awards and deductions move both; a redemption only available; a void gives it back', () => {
    expect(run([row('award', 50), row('deduction', -10), row('redemption', -30), row('void', 30), row('redemption', -20)])).toEqual([
      [50, 50],
      [40, 40],
      [40, 10],
      [40, 40],
      [40, 20],
    ]);
  });
  it('pending, rejected and in-notice rows move nothing', () => {
    expect(run([row('award', 50), row('award', 20, 'pending'), row('award', 99, 'rejected'), row('deduction', -5, 'notice'), row('award', 5)])).toEqual([
      [50, 50],
      [50, 50],
      [50, 50],
      [50, 50],
      [55, 55],
    ]);
  });
  it('a reversal undoes its entry; a later deduction can leave available owed', () => {
    expect(run([row('award', 30), row('reversal', -30), row('award', 10), row('redemption', -10), row('deduction', -15)])).toEqual([
      [30, 30],
      [0, 0],
      [10, 10],
      [10, 0],
      [-5, -15],
    ]);
  });
  it("keeps each row's own fields", () => {
    expect(withRunning([{ ...row('award', 3), id: 'e1' }])[0]).toEqual({
      kind: 'award',
      points: 3,
      status: 'approved',
      id: 'e1',
      runningScore: 3,
      runningAvailable: 3,
    });
  });
});
