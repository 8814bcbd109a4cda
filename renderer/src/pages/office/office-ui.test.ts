import { describe, expect, it } from 'vitest';
import { errorReportCsv } from './files';
import { chunk, columnsOf } from './ledger-view';

describe('office page helpers', () => {
  it('puts ledger points in the column they belong to', () => {
    expect(columnsOf({ kind: 'award', points: 5 })).toEqual({ plus: 5, minus: null, redeem: null });
    expect(columnsOf({ kind: 'deduction', points: -3 })).toEqual({ plus: null, minus: 3, redeem: null });
    expect(columnsOf({ kind: 'reversal', points: -5 })).toEqual({ plus: null, minus: 5, redeem: null });
    expect(columnsOf({ kind: 'redemption', points: -20 })).toEqual({ plus: null, minus: null, redeem: 20 });
    expect(columnsOf({ kind: 'void', points: 20 })).toEqual({ plus: null, minus: null, redeem: -20 });
  });
  it('splits cards into A4 sheets', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 10)).toEqual([]);
  });
  it('writes the import error report as Excel-readable CSV', () => {
    expect(errorReportCsv([{ row: 3, message: '身份证号"有误"' }])).toBe('\uFEFF行号,问题\r\n3,"身份证号""有误"""\r\n');
  });
});
