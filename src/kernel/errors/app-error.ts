export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  field: string;
  message: string;
}

/** The one error type for expected failures; the error handler maps `code` to HTTP. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fieldErrors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }

  static notFound(message = "Page not found"): AppError {
    return new AppError("NOT_FOUND", message);
  }

  static forbidden(message = "You do not have permission to do that"): AppError {
    return new AppError("FORBIDDEN", message);
  }

  static validation(fieldErrors: FieldError[], message = "There is a problem"): AppError {
    return new AppError("VALIDATION", message, { fieldErrors });
  }
}
