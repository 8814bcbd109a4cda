import { describe, expect, it } from 'vitest';
import { localTime } from './text';

describe('localTime', () => {
  it('shows an instant in the village time zone, to the minute', () => {
    expect(localTime('2026-03-15T02:05:59.000Z')).toBe('2026-03-15 10:05');
    expect(localTime('2026-12-31T16:30:00.000Z', 'Asia/Shanghai')).toBe('2027-01-01 00:30');
  });
  it('is empty for no instant', () => {
    expect(localTime(null)).toBe('');
  });
});
