/**
 * The one exception type libraries throw. `code` is stable (`AREA.REASON`) and is what clients
 * program against; the HTTP status is derived from it at the edge (AppExceptionFilter).
 */
export class AppException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppException';
  }
}

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export const notFound = (code: string, message: string, details?: unknown) =>
  new AppException(code, message, 404, details);
export const forbidden = (message = 'You may not do this.', code = 'AUTH.FORBIDDEN') =>
  new AppException(code, message, 403);
export const conflict = (code: string, message: string, details?: unknown) =>
  new AppException(code, message, 409, details);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppException(code, message, 400, details);
export const validationFailed = (details: FieldError[], message = 'Some fields are not valid.') =>
  new AppException('VALIDATION.FAILED', message, 400, details);
