import type { ErrorBody } from '@kohtaamo/protocol';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../observability/logger';
import {
  InvalidReferenceError,
  StoreUnavailableError,
  UniqueViolationError,
  uniqueConstraints,
} from '../store/errors';
import { HttpError } from './http-error';

/** Unique constraints that a person can run into, with what to tell them. */
const uniqueViolationErrors: Record<string, HttpError> = {
  [uniqueConstraints.accountEmail]: new HttpError(
    'EMAIL_TAKEN',
    'An account with this email already exists',
  ),
  [uniqueConstraints.registrationFairAccount]: new HttpError(
    'ALREADY_REGISTERED',
    'You are already registered for this fair',
  ),
  [uniqueConstraints.fairSlug]: new HttpError(
    'CONFLICT',
    'Another fair already uses this address',
    [{ path: ['slug'], message: 'Already in use' }],
  ),
};

function hasType(error: unknown): error is { type: string; status?: number } {
  return (
    typeof error === 'object' && error !== null && typeof Reflect.get(error, 'type') === 'string'
  );
}

function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidReferenceError) {
    return new HttpError('INVALID', error.message, [{ path: error.path, message: error.message }]);
  }
  if (error instanceof UniqueViolationError) {
    return (
      uniqueViolationErrors[error.constraint] ??
      new HttpError('CONFLICT', 'This conflicts with something that already exists')
    );
  }
  if (error instanceof StoreUnavailableError) {
    return new HttpError('STORE_UNAVAILABLE', 'The service cannot store data right now; try again');
  }
  // Express could not decode a path parameter (a stray `%`); found by fuzzing, it answered 500.
  if (error instanceof URIError) return new HttpError('INVALID', 'The address is not valid');
  if (hasType(error)) {
    // Errors thrown by express.json() before any route runs.
    if (error.type === 'entity.too.large') {
      return new HttpError('PAYLOAD_TOO_LARGE', 'The request body is too large');
    }
    if (error.type === 'entity.parse.failed' || error.type === 'encoding.unsupported') {
      return new HttpError('INVALID', 'The request body is not valid JSON');
    }
    // Any other refusal of the body parser (an unknown charset, an aborted upload) is the
    // client's: found by fuzzing, `charset=latin9` used to answer 500.
    if (error.status !== undefined && error.status >= 400 && error.status < 500) {
      return new HttpError('INVALID', 'The request body cannot be read');
    }
  }
  return undefined;
}

export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const known = toHttpError(error);
    if (!known || known.status >= 500) {
      logger.error({ err: error, method: req.method, url: req.originalUrl }, 'request failed');
    }
    const httpError = known ?? new HttpError('INTERNAL', 'Something went wrong on our side');
    const body: ErrorBody = {
      ok: false,
      error: {
        code: httpError.code,
        message: httpError.message,
        ...(httpError.issues ? { issues: httpError.issues } : {}),
      },
    };
    if (httpError.retryAfterSeconds !== undefined && !res.hasHeader('Retry-After')) {
      res.setHeader('Retry-After', String(Math.max(1, Math.ceil(httpError.retryAfterSeconds))));
    }
    res.status(httpError.status).json(body);
  };
}

export const unknownApiRoute: RequestHandler = (_req, _res, next) => {
  next(new HttpError('NOT_FOUND', 'No such API route'));
};
