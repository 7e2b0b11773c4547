/**
 * The closed set of error codes that may cross from main to the renderer.
 * Every failure the user can meet maps to one of these; the renderer turns each into a sentence.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'AUTH_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'OFFLINE',
  'RATE_LIMITED',
  'UPSTREAM',
  'KEYCHAIN_UNAVAILABLE',
  'NOT_CONFIGURED',
  'STORAGE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Thrown inside main; the router turns it into `{ ok: false, error }`. Its message is shown to users. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
