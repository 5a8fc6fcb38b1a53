import type { Account } from '@kohtaamo/protocol';
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { isUuid, single } from './mapping';
import { accounts, sessions } from './schema';
import type { AccountRecord, AccountRepository } from './types';

type AccountRow = typeof accounts.$inferSelect;

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    createdAt: row.createdAt.toISOString(),
  };
}

export function accountRepository(db: Db): AccountRepository {
  return {
    async create(input, session) {
      return db.transaction(async (tx) => {
        const row = single(
          await tx
            .insert(accounts)
            .values({
              email: input.email.toLowerCase(),
              passwordHash: input.passwordHash,
              displayName: input.displayName,
            })
            .returning(),
        );
        if (session) await tx.insert(sessions).values({ ...session, accountId: row.id });
        return toAccount(row);
      });
    },

    async findByEmail(email): Promise<AccountRecord | null> {
      const [row] = await db.select().from(accounts).where(eq(accounts.email, email.toLowerCase()));
      return row ? { ...toAccount(row), passwordHash: row.passwordHash } : null;
    },

    async findById(accountId) {
      if (!isUuid(accountId)) return null;
      const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
      return row ? toAccount(row) : null;
    },
  };
}
