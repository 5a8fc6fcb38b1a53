import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './db';
import { distinctIds, single } from './mapping';
import { contactCards } from './schema';
import type { CardRecord, ContactCardRepository } from './types';

type CardRow = typeof contactCards.$inferSelect;

function toCard(row: CardRow): CardRecord {
  return {
    registrationId: row.registrationId,
    card: row.fields,
    shared: row.shared,
    updatedAt: row.updatedAt,
  };
}

export function contactCardRepository(db: Db): ContactCardRepository {
  return {
    async find(fairId, registrationId) {
      const [row] = await db
        .select()
        .from(contactCards)
        .where(
          and(eq(contactCards.fairId, fairId), eq(contactCards.registrationId, registrationId)),
        );
      return row ? toCard(row) : null;
    },

    async findMany(fairId, registrationIds) {
      const ids = distinctIds(registrationIds);
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(contactCards)
        .where(and(eq(contactCards.fairId, fairId), inArray(contactCards.registrationId, ids)));
      return rows.map(toCard);
    },

    async put(fairId, registrationId, card, shared) {
      const values = { fields: card, shared: [...new Set(shared)], updatedAt: new Date() };
      const rows = await db
        .insert(contactCards)
        .values({ fairId, registrationId, ...values })
        .onConflictDoUpdate({ target: contactCards.registrationId, set: values })
        .returning();
      return toCard(single(rows));
    },
  };
}
