import { describe, expect, it } from 'vitest';
import { dateWithWeekday, fileSize, formatPoints, villageTime } from './format';

describe('format', () => {
  it('shows times in the village time zone', () => {
    expect(villageTime('2026-11-28T16:05:09.000Z', 'Asia/Shanghai')).toBe('00:05:09');
    expect(villageTime('bad')).toBe('bad');
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
