import type { ErrorCode } from '@shared/core/errors';

/** What the server can answer, plus what only the client can see (no connection at all). */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** A refusal from the server (or no answer at all), carried to the UI as-is. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/**
 * A supervisor's wrong PIN (void, off-day override) also comes back as UNAUTHENTICATED, but it is
 * the supervisor who failed, not the signed-in user: the dialog shows it and the session stays.
 */
export function isSupervisorFailure(code: string, message: string): boolean {
  return (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') && message.trim().startsWith('主管');
}

/** True when the signed-in session itself is gone and the user must log in again. */
export function endsSession(method: string, code: string, message: string): boolean {
  return code === 'UNAUTHENTICATED' && method !== 'auth.login' && !isSupervisorFailure(code, message);
}
