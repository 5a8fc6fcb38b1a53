import { type MeResponse, apiRoutes, signInBodySchema, signUpBodySchema } from '@kohtaamo/protocol';
import { Router } from 'express';
import type { HttpDeps } from '../deps';
import { HttpError } from '../http-error';
import { checkPassword } from '../password-check';
import type { RateLimiters } from '../rate-limits';
import {
  endSession,
  newSession,
  requireAccount,
  sendSessionCookie,
  sessionIdOf,
  startSession,
} from '../session';
import { parseBody } from '../validate';

export function authRoutes(deps: HttpDeps, rateLimiters: RateLimiters): Router {
  const { store, passwords, session } = deps;
  const router = Router();

  router.post(apiRoutes.signUp, rateLimiters.signUp, async (req, res) => {
    const body = parseBody(signUpBodySchema, req.body);
    const passwordHash = await passwords.hash(body.password);
    // Stored together: a sign-up that fails leaves no account behind to block trying again.
    const firstSession = newSession(session, deps.now());
    const account = await store.accounts.create(
      { email: body.email, passwordHash, displayName: body.displayName },
      firstSession,
    );
    sendSessionCookie(res, session, firstSession.id);
    const response: MeResponse = { account };
    res.status(201).json(response);
  });

  router.post(apiRoutes.signIn, ...rateLimiters.signIn, async (req, res) => {
    const body = parseBody(signInBodySchema, req.body);
    const record = await checkPassword(
      deps,
      body.email,
      body.password,
      new HttpError('INVALID_CREDENTIALS', 'The email or the password is wrong'),
    );
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
