import type { ErrorReason, ReasonOf } from './error-reasons.js';

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

export type { ErrorReason } from './error-reasons.js';

/**
 * What a refusal gives the caller: `reason` says which refusal it is (the client words it in its own
 * language from reason and details), `details` the figures it needs (available, short, stock…).
 */
export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  details?: Record<string, unknown>;
}

/** Passed where the details go: the reason (typed by the code) travels with the figures and is lifted out. */
export type ErrorDetails<C extends ErrorCode> = { reason?: ReasonOf<C> } & Record<string, unknown>;

/**
 * A refusal the caller can act on. The message is Chinese first for logs and outside checks; screens
 * word it from code, reason and details.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  /** Bookkeeping that must survive the rollback of the failed call, such as a failed-PIN count. */
  afterRollback?: () => void;
  // Declared apart from the generic C, so `e instanceof AppError` still gives a typed code.
  readonly code: ErrorCode;
  readonly reason?: ErrorReason;
  readonly details?: Record<string, unknown>;
  constructor(code: C, message: string, details?: ErrorDetails<C>) {
    super(message);
    this.code = code;
    if (details) {
      const { reason, ...rest } = details;
      if (reason !== undefined) this.reason = reason;
      if (Object.keys(rest).length) this.details = rest;
    }
  }
  toBody(): ApiErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason === undefined ? {} : { reason: this.reason }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
  /** Back from a body (an in-process caller of the dispatcher), reason and all. */
  static fromBody(body: ApiErrorBody): AppError {
    return new AppError(body.code, body.message, { ...body.details, reason: body.reason } as ErrorDetails<ErrorCode>);
  }
}

export const notFound = (what: string, details: ErrorDetails<'NOT_FOUND'> & { reason: ReasonOf<'NOT_FOUND'> }) =>
  new AppError('NOT_FOUND', `${what}不存在 (not found)`, details);
