import { describe, expect, it } from 'vitest';
import { afterFailure, isLocked, type LoginState } from './lockout.js';

describe('login lockout', () => {
  const now = new Date('2026-05-01T09:00:00+08:00');
  it('locks for 5 minutes after 5 failures in a row', () => {
    let s: LoginState = { failedLogins: 0, lockedUntil: null };
    for (let i = 0; i < 4; i++) s = afterFailure(s, now);
    expect(isLocked(s, now)).toBe(false);
    s = afterFailure(s, now);
    expect(isLocked(s, now)).toBe(true);
    expect(isLocked(s, new Date(now.getTime() + 4 * 60_000 + 59_000))).toBe(true);
    expect(isLocked(s, new Date(now.getTime() + 5 * 60_000))).toBe(false);
  });
});
