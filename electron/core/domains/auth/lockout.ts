export const maxFailures = 5;
export const lockMinutes = 5;

export interface LoginState {
  failedLogins: number;
  lockedUntil: string | null;
}

export function isLocked(s: LoginState, now: Date): boolean {
  return s.lockedUntil !== null && new Date(s.lockedUntil) > now;
}

/** After the 5th failure in a row the account locks for 5 minutes; the count starts again after the lock. */
export function afterFailure(s: LoginState, now: Date): LoginState {
  const failed = s.failedLogins + 1;
  if (failed >= maxFailures) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000).toISOString() };
  }
  return { failedLogins: failed, lockedUntil: null };
}
