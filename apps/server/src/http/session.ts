import type { Account } from '@kohtaamo/protocol';
import type { CookieOptions, RequestHandler, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/types';
import { unauthenticated } from './http-error';

export const SESSION_COOKIE = 'kh_session';

export interface SessionSettings {
  ttlMs: number;
  secureCookie: boolean;
}

function cookieOptions(settings: SessionSettings): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: settings.secureCookie,
    signed: true,
    path: '/',
    maxAge: settings.ttlMs,
  };
}

/** A new session's id and end, to be stored. */
export function newSession(settings: SessionSettings, now: Date): { id: string; expiresAt: Date } {
  return {
    id: randomBytes(32).toString('base64url'),
    expiresAt: new Date(now.getTime() + settings.ttlMs),
  };
}

/** Hands a stored session's id to the browser in a signed cookie. */
export function sendSessionCookie(res: Response, settings: SessionSettings, id: string): void {
  res.cookie(SESSION_COOKIE, id, cookieOptions(settings));
}

/** Starts a session in the store and hands its id to the browser in a signed cookie. */
export async function startSession(
  store: Store,
  settings: SessionSettings,
  res: Response,
  accountId: string,
  now: Date,
): Promise<void> {
  const session = newSession(settings, now);
  await store.sessions.create({ ...session, accountId });
  sendSessionCookie(res, settings, session.id);
}

export async function endSession(
  store: Store,
  settings: SessionSettings,
  sessionId: string | undefined,
  res: Response,
): Promise<void> {
  if (sessionId) await store.sessions.delete(sessionId);
  const { maxAge: _maxAge, ...clearOptions } = cookieOptions(settings);
  res.clearCookie(SESSION_COOKIE, clearOptions);
}

export function sessionIdOf(signedCookies: unknown): string | undefined {
  const value: unknown =
    typeof signedCookies === 'object' && signedCookies !== null
      ? Reflect.get(signedCookies, SESSION_COOKIE)
      : undefined;
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** Looks the session cookie up once per request; routes read the result with `accountOf`. */
export function loadSession(store: Store, now: () => Date): RequestHandler {
  return async (req, res, next) => {
    const sessionId = sessionIdOf(req.signedCookies);
    if (sessionId) {
      const account = await store.sessions.findAccount(sessionId, now());
      if (account) res.locals.account = account;
    }
    next();
  };
}

export function accountOf(res: Response): Account | undefined {
  return res.locals.account as Account | undefined;
}

export function requireAccount(res: Response): Account {
  const account = accountOf(res);
  if (!account) throw unauthenticated();
  return account;
}
