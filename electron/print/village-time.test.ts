import { describe, expect, it } from 'vitest';
import { villageDateTime } from './village-time.js';

describe('village time on receipts', () => {
  it('shows the village clock, not UTC', () => {
    const instant = new Date('2026-12-31T16:30:05Z');
    expect(villageDateTime(instant, 'Asia/Shanghai')).toBe('2027-01-01 00:30:05');
    expect(villageDateTime(instant, 'UTC')).toBe('2026-12-31 16:30:05');
  });

  it('writes midnight as 00, not 24', () => {
    expect(villageDateTime(new Date('2026-03-15T00:00:00+08:00'), 'Asia/Shanghai')).toBe('2026-03-15 00:00:00');
  });
});
