import { describe, expect, it } from 'vitest';
import { dateWithWeekday, fileSize, formatPoints, monthName, villageDate, villageDateTime, villageTime, yearName } from './format';

describe('format', () => {
  it('shows times in the village time zone', () => {
    expect(villageTime('2026-11-28T16:05:09.000Z', 'Asia/Shanghai')).toBe('00:05:09');
    expect(villageTime('bad')).toBe('bad');
  });
  it('writes every instant as YYYY-MM-DD HH:mm on the village clock, in either language', () => {
    // 23:30 UTC on the 11th is already the 12th in the village.
    expect(villageDateTime('2026-04-11T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-04-12 07:30');
    expect(villageDateTime('2026-04-11T16:00:00.000Z', 'Asia/Shanghai')).toBe('2026-04-12 00:00');
    expect(villageDate('2026-04-11T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-04-12');
    expect(villageDate('2026-04-12')).toBe('2026-04-12');
    expect(villageDateTime('2026-04-12')).toBe('2026-04-12');
    expect(villageDateTime('soon')).toBe('soon');
  });
  it('names months and years per language', () => {
    expect([monthName(3, 'zh'), monthName('2026-03', 'en'), monthName(12, 'en')]).toEqual(['3月', 'Mar', 'Dec']);
    expect(monthName(13, 'en')).toBe('13');
    expect([yearName(2026, 'zh'), yearName(2026, 'en')]).toEqual(['2026 年', '2026']);
  });
  it('adds the weekday', () => {
    expect(dateWithWeekday('2026-11-29', '星期日,星期一,星期二,星期三,星期四,星期五,星期六')).toBe('2026-11-29 星期日');
    expect(dateWithWeekday('x', 'a,b')).toBe('x');
  });
  it('groups long totals', () => {
    expect(formatPoints(12345)).toBe('12,345');
    expect(formatPoints(-5)).toBe('-5');
  });
  it('sizes files in KB below a megabyte, MB with one decimal above', () => {
    expect(fileSize(0)).toBe('0 KB');
    expect(fileSize(1500)).toBe('2 KB');
    expect(fileSize(5 * 1024 * 1024 + 300 * 1024)).toBe('5.3 MB');
  });
});
