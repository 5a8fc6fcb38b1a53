import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { afterFailure, type LockoutState } from '../domain/sign-in-lockout';
import type { Db } from './db';
import { signInLockouts } from './schema';
import type { SignInLockoutRepository } from './types';

type LockoutRow = typeof signInLockouts.$inferSelect;

const toState = (row: LockoutRow): LockoutState => ({
  failures: row.failures,
  windowStartedAt: row.windowStartedAt,
  lockedUntil: row.lockedUntil,
});

export function signInLockoutRepository(db: Db): SignInLockoutRepository {
  return {
    async find(emailKey) {
      const [row] = await db
        .select()
        .from(signInLockouts)
        .where(eq(signInLockouts.emailKey, emailKey));
      return row ? toState(row) : null;
    },

    async recordFailure(emailKey, now, policy) {
      return db.transaction(async (tx) => {
        // The row exists before it is locked, so failures racing on several nodes count each.
        await tx
          .insert(signInLockouts)
          .values({ emailKey, failures: 0, windowStartedAt: now })
          .onConflictDoNothing();
        const [row] = await tx
          .select()
          .from(signInLockouts)
          .where(eq(signInLockouts.emailKey, emailKey))
          .for('update');
        const next = afterFailure(row ? toState(row) : null, now, policy);
        await tx.update(signInLockouts).set(next).where(eq(signInLockouts.emailKey, emailKey));
        // Rows whose window and lock are over say nothing any more.
        await tx
          .delete(signInLockouts)
          .where(
            and(
              lt(signInLockouts.windowStartedAt, new Date(now.getTime() - policy.windowMs)),
              or(isNull(signInLockouts.lockedUntil), lt(signInLockouts.lockedUntil, now)),
            ),
          );
        return next;
      });
    },

    async clear(emailKey) {
      await db.delete(signInLockouts).where(eq(signInLockouts.emailKey, emailKey));
    },
  };
}
