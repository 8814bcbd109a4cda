import { describe, expect, it } from 'vitest';
import { refusalReasons } from '@shared/core/events/reasons';
import { localTime, reasonKey } from './text';

describe('localTime', () => {
  it('shows an instant in the village time zone, to the minute', () => {
    expect(localTime('2026-03-15T02:05:59.000Z')).toBe('2026-03-15 10:05');
    expect(localTime('2026-12-31T16:30:00.000Z', 'Asia/Shanghai')).toBe('2027-01-01 00:30');
  });
  it('is empty for no instant', () => {
    expect(localTime(null)).toBe('');
  });
});

describe('refusal reasons', () => {
  it('every reason the office can give has words, in both languages', () => {
    for (const r of refusalReasons) expect(reasonKey(r), r).not.toBeNull();
    expect(reasonKey('no_such_reason')).toBeNull();
  });
});
