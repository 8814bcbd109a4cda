export const errorStatus = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INSUFFICIENT_POINTS: 422,
  OUT_OF_STOCK: 422,
  LIMIT_EXCEEDED: 422,
  NOT_REDEMPTION_DAY: 422,
  PRINTER_UNAVAILABLE: 503,
  OFFICE_UNREACHABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ApiErrorBody { code: ErrorCode; message: string; details?: unknown }

/** A refusal the caller can act on. Messages are Chinese first: they are shown at the counter as-is. */
export class AppError extends Error {
  /** Bookkeeping that must survive the rollback of the failed call, such as a failed-PIN count. */
  afterRollback?: () => void;
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message);
  }
  toBody(): ApiErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const notFound = (what: string, details?: unknown) => new AppError('NOT_FOUND', `${what}不存在 (not found)`, details);
