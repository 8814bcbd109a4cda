import { describe, expect, it } from 'vitest';
import { asOfText, codeProblem, currentPeriod, participationPct, scopeOptions, versus, yuan, type Area } from './view';

const county = '469030000000';
const areas: Area[] = [
  { code: '469030102201', level: 'village', parent: '469030102000', name: '山竹沟村' },
  { code: county, level: 'county', parent: null, name: '白沙县' },
  { code: '469030101202', level: 'village', parent: '469030101000', name: '新村' },
  { code: '469030102000', level: 'town', parent: county, name: '石碌镇' },
  { code: '469030101201', level: 'village', parent: '469030101000', name: '红阳村' },
  { code: '469030101000', level: 'town', parent: county, name: '叉河镇' },
];

describe('scopeOptions', () => {
  it('orders the county, then each town followed by its own villages', () => {
    expect(scopeOptions(areas, county).map((a) => a.name)).toEqual(['白沙县', '叉河镇', '红阳村', '新村', '石碌镇', '山竹沟村']);
  });
  it('gives a town viewer its town and villages, never the county above or a town beside', () => {
    expect(scopeOptions(areas, '469030101000').map((a) => a.name)).toEqual(['叉河镇', '红阳村', '新村']);
  });
});

describe('codeProblem', () => {
  it('accepts a new town under the county and a new village under a registered town', () => {
    expect(codeProblem('469030103000', 'town', areas, county)).toBeNull();
    expect(codeProblem('469030101203', 'village', areas, county)).toBeNull();
  });
  it('names what is wrong with a code before the server is asked', () => {
    expect(codeProblem('46903010120', 'village', areas, county)).toBe('format');
    expect(codeProblem('469030101000', 'village', areas, county)).toBe('level');
    expect(codeProblem('469030101201', 'town', areas, county)).toBe('level');
    expect(codeProblem('469031101201', 'village', areas, county)).toBe('outside');
    expect(codeProblem('469030101201', 'village', areas, county)).toBe('taken');
    expect(codeProblem('469030109201', 'village', areas, county)).toBe('no_parent');
  });
});

describe('figures', () => {
  it('compares a value with a median, and says nothing without one', () => {
    expect([versus(3, 2), versus(1, 2), versus(2, 2), versus(2, null)]).toEqual(['above', 'below', 'level', null]);
  });
  it('reads instants in Asia/Shanghai, whatever the machine', () => {
    expect(asOfText('2026-06-30T16:30:00.000Z')).toBe('2026-07-01 00:30');
    expect(asOfText(null)).toBeNull();
  });
  it('formats fen as yuan and participation with one decimal', () => {
    expect(yuan(123456)).toBe('1,234.56');
    expect(participationPct(1, 3)).toBe(33.3);
    expect(participationPct(0, 0)).toBe(0);
  });
  it('picks the report period whose end is next', () => {
    expect([currentPeriod('2026-01-05'), currentPeriod('2026-06-30'), currentPeriod('2026-07-01'), currentPeriod('2026-12-05')]).toEqual([
      'jun',
      'jun',
      'sep',
      'dec',
    ]);
  });
});
