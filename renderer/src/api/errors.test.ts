import { describe, expect, it } from 'vitest';
import { endsSession, isSupervisorFailure } from './errors';
import { requestId } from '@shared/core/validation';
import { newRequestId } from './request-id';

describe('session-ending errors', () => {
  it('a supervisor failure never ends the session', () => {
    expect(isSupervisorFailure('UNAUTHENTICATED', '主管用户名或 PIN 错误')).toBe(true);
    expect(isSupervisorFailure('UNAUTHENTICATED', '主管账户已锁定')).toBe(true);
    expect(endsSession('redemptions.void', 'UNAUTHENTICATED', '主管用户名或 PIN 错误')).toBe(false);
  });
  it('an expired token does; a failed login does not', () => {
    expect(endsSession('households.search', 'UNAUTHENTICATED', '请先登录 (not signed in)')).toBe(true);
    expect(endsSession('auth.login', 'UNAUTHENTICATED', '用户名或 PIN 错误')).toBe(false);
    expect(endsSession('households.search', 'FORBIDDEN', '无权')).toBe(false);
  });
});

describe('request ids', () => {
  it('are 32 hex characters, fit the server pattern and differ', () => {
    const a = newRequestId();
    const b = newRequestId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    // The server's own rule for a requestId, not a copy of it.
    expect(requestId.safeParse(a).success).toBe(true);
    expect(a).not.toBe(b);
  });
  it('come from the given random source', () => {
    expect(newRequestId((bytes) => bytes.fill(0xab))).toBe('ab'.repeat(16));
  });
});
