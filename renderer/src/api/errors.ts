import type { ErrorCode } from '@shared/core/errors';

/** What the server can answer, plus what only the client can see (no connection at all). */
export type ClientErrorCode = ErrorCode | 'NETWORK';

/** A refusal from the server (or no answer at all), carried to the UI as-is: code, reason and figures. */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly details?: unknown,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

/**
 * A supervisor's failure (wrong PIN, locked, not an admin) during a void or an off-day override: it is
 * the supervisor who failed, not the signed-in user, so the dialog stays open and the session stays.
 */
export function isSupervisorFailure(e: unknown): boolean {
  return isApiError(e) && (e.reason?.startsWith('supervisor_') ?? false);
}

const sessionOver = new Set(['not_signed_in', 'session_invalid', 'session_expired']);

/**
 * True when the signed-in session itself is gone and the user must log in again. Any other reason
 * (a supervisor's PIN, a wrong login) leaves the session; a reason-less UNAUTHENTICATED ends it, to be safe.
 */
export function endsSession(method: string, code: string, reason: string | undefined): boolean {
  return code === 'UNAUTHENTICATED' && method !== 'auth.login' && (reason === undefined || sessionOver.has(reason));
}
