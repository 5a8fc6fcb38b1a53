import { type Request, type RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type Store as RateLimitStore } from 'express-rate-limit';
import type { HttpLimits, Rate } from '../config-limits';
import type { Logger } from '../observability/logger';
import { HttpError } from './http-error';

/** Where a limiter keeps its counts: Redis with several nodes, so a limit holds across them. */
export type RateLimitStoreFactory = (limiterName: string) => RateLimitStore;

export interface RateLimiters {
  signIn: RequestHandler[];
  signUp: RequestHandler;
  registration: RequestHandler;
}

/** IPv6 clients get a /56 each, as one household or office usually has. */
const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/** The email named in a sign-in body, normalized; the limiter runs after the JSON parser. */
function emailOf(req: Request): string {
  const email: unknown =
    typeof req.body === 'object' && req.body ? Reflect.get(req.body, 'email') : '';
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : '';
}

interface LimiterSetup {
  storeFor: RateLimitStoreFactory | undefined;
  logger: Logger;
}

function limiter(
  name: string,
  rate: Rate,
  message: string,
  keyOf: (req: Request) => string,
  { storeFor, logger }: LimiterSetup,
): RequestHandler {
  return rateLimit({
    windowMs: rate.windowMs,
    limit: rate.limit,
    // `RateLimit-*` headers; the library adds `Retry-After` to a refusal.
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: keyOf,
    handler: (_req, _res, next) => next(new HttpError('RATE_LIMITED', message)),
    // A Redis outage must not lock everyone out; the lock-out in the database still holds.
    passOnStoreError: true,
    // Store failures and configuration warnings (a too trusting proxy setting) go to our log.
    logger: {
      error: (err, text) => logger.error({ err, limiter: name }, text ?? 'rate limiter failed'),
      warn: (err, text) => logger.warn({ err, limiter: name }, text ?? 'rate limiter warning'),
    },
    ...(storeFor ? { store: storeFor(name) } : {}),
  });
}

/**
 * Limits on signing in (per address and email, and per address), creating accounts and
 * registering through invites (per address). Sign-in is keyed by the email too, so that many
 * people behind one address (an office, a test harness) do not use up each other's attempts.
 */
export function createRateLimiters(limits: HttpLimits, setup: LimiterSetup): RateLimiters {
  const tryLater = 'Too many attempts from here; try again later';
  return {
    signIn: [
      limiter(
        'sign-in',
        limits.signIn,
        tryLater,
        (req) => `${clientAddress(req)}|${emailOf(req)}`,
        setup,
      ),
      limiter('sign-in-address', limits.signInPerAddress, tryLater, clientAddress, setup),
    ],
    signUp: limiter('sign-up', limits.signUp, tryLater, clientAddress, setup),
    registration: limiter('registration', limits.registration, tryLater, clientAddress, setup),
  };
}
