import { type ErrorCode, type ErrorIssue, httpStatusOf } from '@kohtaamo/protocol';

/** An error that is the caller's to fix; the error middleware turns it into the typed body. */
export class HttpError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** Sent as `Retry-After`: when trying again can succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = httpStatusOf[code];
  }
}

export const notFound = (what: string) => new HttpError('NOT_FOUND', `${what} was not found`);
export const forbidden = (message = 'You may not do this') => new HttpError('FORBIDDEN', message);
export const unauthenticated = () => new HttpError('UNAUTHENTICATED', 'Sign in first');
