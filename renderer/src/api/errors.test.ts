import { describe, expect, it } from 'vitest';
import { ApiError, endsSession, isSupervisorFailure, type ClientErrorCode } from './errors';
import { requestId } from '@shared/core/validation';
import { newRequestId } from './request-id';

describe('session-ending errors', () => {
  const refusal = (code: ClientErrorCode, reason?: string, message = '') => new ApiError(code, message, undefined, reason);
  it('a supervisor failure is decided by its reason, and never ends the session', () => {
    expect(isSupervisorFailure(refusal('UNAUTHENTICATED', 'supervisor_pin_wrong'))).toBe(true);
    expect(isSupervisorFailure(refusal('UNAUTHENTICATED', 'supervisor_locked'))).toBe(true);
    // "X 不是主管": the message does not start with 主管, the reason says what it is.
    expect(isSupervisorFailure(refusal('FORBIDDEN', 'supervisor_not_admin', '钱监督 不是主管，无权授权 (not a supervisor)'))).toBe(true);
    expect(endsSession('redemptions.void', 'UNAUTHENTICATED', 'supervisor_pin_wrong')).toBe(false);
  });
  it('message text decides nothing', () => {
    expect(isSupervisorFailure(refusal('UNAUTHENTICATED', 'session_expired', '主管用户名或 PIN 错误'))).toBe(false);
    expect(isSupervisorFailure(refusal('FORBIDDEN', undefined, '主管账户已锁定'))).toBe(false);
    expect(isSupervisorFailure(new Error('主管'))).toBe(false);
  });
  it('an expired token does; a failed login does not', () => {
    expect(endsSession('households.search', 'UNAUTHENTICATED', 'session_expired')).toBe(true);
    expect(endsSession('households.search', 'UNAUTHENTICATED', undefined)).toBe(true);
    expect(endsSession('auth.login', 'UNAUTHENTICATED', 'pin_wrong')).toBe(false);
    expect(endsSession('households.search', 'FORBIDDEN', 'role_not_allowed')).toBe(false);
    expect(endsSession('redemptions.create', 'UNAUTHENTICATED', 'supervisor_locked')).toBe(false);
    expect(endsSession('households.search', 'UNAUTHENTICATED', 'session_invalid')).toBe(true);
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
