import { createHmac } from 'node:crypto';
import { lockedUntil } from '../domain/sign-in-lockout';
import type { AccountRecord } from '../store/types';
import type { HttpDeps } from './deps';
import { HttpError } from './http-error';

/** Keyed, so the lock-out table holds no address an outsider could read back by hashing. */
function lockoutKey(secret: string, email: string): string {
  return createHmac('sha256', secret).update(email.trim().toLowerCase()).digest('base64url');
}

function accountLocked(until: Date, now: Date): HttpError {
  return new HttpError(
    'ACCOUNT_LOCKED',
    'Too many failed attempts with this email; try again later',
    undefined,
    (until.getTime() - now.getTime()) / 1000,
  );
}

/**
 * Checks a password under the lock-out: every place that takes a password (signing in, deleting
 * the account) counts towards the same failures, so a stolen session cannot guess the password
 * through the deletion form. Unknown addresses are counted and locked like real ones, so no answer
 * tells them apart; while locked, the password is not checked at all, so the answer is the same
 * whether it is right. A refusal throws; a lock reached by this very failure throws too.
 */
export async function checkPassword(
  deps: HttpDeps,
  email: string,
  password: string,
  refusal: HttpError,
): Promise<AccountRecord> {
  const { store, passwords, metrics } = deps;
  const key = lockoutKey(deps.cookieSecret, email);
  const lockout = await store.signInLockouts.find(key);
  const checkedAt = deps.now();
  const locked = lockedUntil(lockout, checkedAt);
  if (locked) {
    metrics.signIns.inc({ outcome: 'locked' });
    throw accountLocked(locked, checkedAt);
  }
  const record = await store.accounts.findByEmail(email);
  const valid = await passwords.verify(record?.passwordHash, password);
  if (!record || !valid) {
    metrics.signIns.inc({ outcome: 'refused' });
    const failedAt = deps.now();
    const after = await store.signInLockouts.recordFailure(key, failedAt, deps.limits.lockout);
    const lockedNow = lockedUntil(after, failedAt);
    if (lockedNow) throw accountLocked(lockedNow, failedAt);
    throw refusal;
  }
  if (lockout) await store.signInLockouts.clear(key);
  metrics.signIns.inc({ outcome: 'accepted' });
  return record;
}
