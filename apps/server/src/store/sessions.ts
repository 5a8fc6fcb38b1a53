import { and, eq, gt } from 'drizzle-orm';
import type { Db } from './db';
import { toAccount } from './accounts';
import { single } from './mapping';
import { accounts, sessions } from './schema';
import type { SessionRecord, SessionRepository } from './types';

type SessionRow = typeof sessions.$inferSelect;

function toSession(row: SessionRow): SessionRecord {
  return { id: row.id, accountId: row.accountId, expiresAt: row.expiresAt };
}

export function sessionRepository(db: Db): SessionRepository {
  return {
    async create(input) {
      const row = single(await db.insert(sessions).values(input).returning());
      return toSession(row);
    },

    async findValid(sessionId, now) {
      const [row] = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
      return row ? toSession(row) : null;
    },

    async findAccount(sessionId, now) {
      const [row] = await db
        .select({ account: accounts })
        .from(sessions)
        .innerJoin(accounts, eq(accounts.id, sessions.accountId))
        .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, now)));
      return row ? toAccount(row.account) : null;
    },

    async delete(sessionId) {
      await db.delete(sessions).where(eq(sessions.id, sessionId));
    },
  };
}
