import { type MeResponse, apiRoutes, signInBodySchema, signUpBodySchema } from '@kohtaamo/protocol';
import { Router } from 'express';
import { createHmac } from 'node:crypto';
import { lockedUntil } from '../../domain/sign-in-lockout';
import type { HttpDeps } from '../deps';
import { HttpError } from '../http-error';
import type { RateLimiters } from '../rate-limits';
import { endSession, requireAccount, sessionIdOf, startSession } from '../session';
import { parseBody } from '../validate';

/** Keyed, so the lock-out table holds no address an outsider could read back by hashing. */
function lockoutKey(secret: string, email: string): string {
  return createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('base64url');
}

function accountLocked(until: Date, now: Date): HttpError {
  return new HttpError(
    'ACCOUNT_LOCKED',
    'Too many failed sign-ins with this email; try again later',
    undefined,
    (until.getTime() - now.getTime()) / 1000,
  );
}

export function authRoutes(deps: HttpDeps, rateLimiters: RateLimiters): Router {
  const { store, passwords, session, metrics } = deps;
  const router = Router();

  router.post(apiRoutes.signUp, rateLimiters.signUp, async (req, res) => {
    const body = parseBody(signUpBodySchema, req.body);
    const passwordHash = await passwords.hash(body.password);
    const account = await store.accounts.create({
      email: body.email,
      passwordHash,
      displayName: body.displayName,
    });
    await startSession(store, session, res, account.id, deps.now());
    const response: MeResponse = { account };
    res.status(201).json(response);
  });

  // Unknown addresses are counted and locked like real ones, so no answer tells them apart; while
  // locked, the password is not checked at all, so the answer is the same whether it is right.
  router.post(apiRoutes.signIn, ...rateLimiters.signIn, async (req, res) => {
    const body = parseBody(signInBodySchema, req.body);
    const key = lockoutKey(deps.cookieSecret, body.email);
    const lockout = await store.signInLockouts.find(key);
    const lockedAt = deps.now();
    const locked = lockedUntil(lockout, lockedAt);
    if (locked) {
      metrics.signIns.inc({ outcome: 'locked' });
      throw accountLocked(locked, lockedAt);
    }
    const record = await store.accounts.findByEmail(body.email);
    const valid = await passwords.verify(record?.passwordHash, body.password);
    if (!record || !valid) {
      metrics.signIns.inc({ outcome: 'refused' });
      const failedAt = deps.now();
      const after = await store.signInLockouts.recordFailure(key, failedAt, deps.limits.lockout);
      const lockedNow = lockedUntil(after, failedAt);
      if (lockedNow) throw accountLocked(lockedNow, failedAt);
      throw new HttpError('INVALID_CREDENTIALS', 'The email or the password is wrong');
    }
    if (lockout) await store.signInLockouts.clear(key);
    metrics.signIns.inc({ outcome: 'accepted' });
    await startSession(store, session, res, record.id, deps.now());
    const { passwordHash: _passwordHash, ...account } = record;
    const response: MeResponse = { account };
    res.json(response);
  });

  router.post(apiRoutes.signOut, async (req, res) => {
    await endSession(store, session, sessionIdOf(req.signedCookies), res);
    res.status(204).end();
  });

  router.get(apiRoutes.me, (_req, res) => {
    const response: MeResponse = { account: requireAccount(res) };
    res.json(response);
  });

  return router;
}
