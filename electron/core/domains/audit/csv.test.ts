import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('starts with a BOM, quotes every field, doubles quotes and ends rows with CRLF', () => {
    expect(
      toCsv(
        ['时间', '摘要'],
        [
          ['2026-03-15 10:00', '说 "好"'],
          ['x', null],
        ],
      ),
    ).toBe('\uFEFF"时间","摘要"\r\n"2026-03-15 10:00","说 ""好"""\r\n"x",""\r\n');
  });

  it('keeps newlines and commas inside a field', () => {
    expect(toCsv(['a'], [['1,2\n3']])).toBe('\uFEFF"a"\r\n"1,2\n3"\r\n');
  });

  it('defuses formula injection', () => {
    expect(toCsv(['a'], [['=HYPERLINK("x")'], ['+1'], ['-2'], ['@SUM(A1)'], [-5]])).toBe(
      '\uFEFF"a"\r\n"\'=HYPERLINK(""x"")"\r\n"\'+1"\r\n"\'-2"\r\n"\'@SUM(A1)"\r\n"\'-5"\r\n',
    );
  });
});
