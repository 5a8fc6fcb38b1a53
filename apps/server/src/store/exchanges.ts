import { and, desc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db } from './db';
import { isUuid, single } from './mapping';
import { blocks, exchanges, registrations } from './schema';
import type { AskRefusal, CloseOutcome, ExchangeRecord, ExchangeRepository } from './types';

type ExchangeRow = typeof exchanges.$inferSelect;

function toExchange(row: ExchangeRow): ExchangeRecord {
  return {
    id: row.id,
    fromId: row.fromId,
    toId: row.toId,
    message: row.message,
    status: row.status,
    createdAt: row.createdAt,
    answeredAt: row.answeredAt,
  };
}

const between = (x: string, y: string) =>
  or(
    and(eq(exchanges.fromId, x), eq(exchanges.toId, y)),
    and(eq(exchanges.fromId, y), eq(exchanges.toId, x)),
  );

/** Ends a pending request the given person may end; anything else changes nothing. */
async function closePending(
  db: Db,
  input: { fairId: string; exchangeId: string; now: Date },
  status: 'accepted' | 'declined' | 'withdrawn',
  mayClose: (row: ExchangeRow) => boolean,
): Promise<CloseOutcome> {
  if (!isUuid(input.exchangeId)) return { kind: 'not_found' };
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(exchanges)
      .where(and(eq(exchanges.id, input.exchangeId), eq(exchanges.fairId, input.fairId)))
      .for('update');
    if (!row || !mayClose(row)) return { kind: 'not_found' };
    if (row.status !== 'pending') return { kind: 'closed' };
    const updated = await tx
      .update(exchanges)
      .set({ status, answeredAt: input.now })
      .where(eq(exchanges.id, row.id))
      .returning();
    return { kind: 'done', request: toExchange(single(updated)) };
  });
}

export function exchangeRepository(db: Db): ExchangeRepository {
  return {
    async ask({ fairId, fromId, toId, message, now, rateLimit }) {
      return db.transaction(async (tx) => {
        // Both people locked in a fixed order: concurrent asks between them run one at a time.
        await tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(inArray(registrations.id, [fromId, toId].sort()))
          .orderBy(registrations.id)
          .for('update');
        const refuse = (code: AskRefusal) => ({ kind: 'refused' as const, code });
        const [blocked] = await tx
          .select({ blockerId: blocks.blockerId })
          .from(blocks)
          .where(and(eq(blocks.blockerId, toId), eq(blocks.blockedId, fromId)));
        if (blocked) return refuse('BLOCKED');
        const history = await tx
          .select()
          .from(exchanges)
          .where(and(eq(exchanges.fairId, fairId), between(fromId, toId)));
        if (history.some((row) => row.status === 'accepted')) return refuse('ALREADY_CONTACTS');
        const theirs = history.find((row) => row.fromId === toId && row.status === 'pending');
        if (theirs) {
          const accepted = await tx
            .update(exchanges)
            .set({ status: 'accepted', answeredAt: now })
            .where(eq(exchanges.id, theirs.id))
            .returning();
          return { kind: 'accepted' as const, request: toExchange(single(accepted)) };
        }
        const mine = history.filter((row) => row.fromId === fromId);
        if (mine.some((row) => row.status === 'pending')) return refuse('EXCHANGE_PENDING');
        if (mine.some((row) => row.status === 'declined')) return refuse('EXCHANGE_DECLINED');
        const [recent] = await tx
          .select({ count: sql<number>`count(*)::int` })
          .from(exchanges)
          .where(
            and(
              eq(exchanges.fromId, fromId),
              gt(exchanges.createdAt, new Date(now.getTime() - rateLimit.windowMs)),
            ),
          );
        if ((recent?.count ?? 0) >= rateLimit.requests) return refuse('RATE_LIMITED');
        const created = await tx
          .insert(exchanges)
          .values({ fairId, fromId, toId, message, createdAt: now })
          .returning();
        return { kind: 'asked' as const, request: toExchange(single(created)) };
      });
    },

    answer({ answererId, accept, ...input }) {
      const status = accept ? 'accepted' : 'declined';
      return closePending(db, input, status, (row) => row.toId === answererId);
    },

    withdraw({ askerId, ...input }) {
      return closePending(db, input, 'withdrawn', (row) => row.fromId === askerId);
    },

    async listFor(fairId, personId) {
      const rows = await db
        .select()
        .from(exchanges)
        .where(
          and(
            eq(exchanges.fairId, fairId),
            or(eq(exchanges.fromId, personId), eq(exchanges.toId, personId)),
          ),
        )
        .orderBy(desc(exchanges.createdAt), desc(exchanges.id));
      return rows.map(toExchange);
    },

    async acceptedPairs(fairId) {
      const rows = await db
        .select({ fromId: exchanges.fromId, toId: exchanges.toId })
        .from(exchanges)
        .where(and(eq(exchanges.fairId, fairId), eq(exchanges.status, 'accepted')));
      return rows.map((row): [string, string] => [row.fromId, row.toId]);
    },

    async block(fairId, blockerId, blockedId, now) {
      return db.transaction(async (tx) => {
        await tx
          .insert(blocks)
          .values({ fairId, blockerId, blockedId, createdAt: now })
          .onConflictDoNothing();
        const withdrawn = await tx
          .update(exchanges)
          .set({ status: 'withdrawn', answeredAt: now })
          .where(
            and(
              eq(exchanges.fromId, blockedId),
              eq(exchanges.toId, blockerId),
              eq(exchanges.status, 'pending'),
            ),
          )
          .returning();
        return withdrawn.map(toExchange);
      });
    },

    async unblock(fairId, blockerId, blockedId) {
      await db
        .delete(blocks)
        .where(
          and(
            eq(blocks.fairId, fairId),
            eq(blocks.blockerId, blockerId),
            eq(blocks.blockedId, blockedId),
          ),
        );
    },

    async blockedBy(fairId, blockerId) {
      const rows = await db
        .select({ blockedId: blocks.blockedId })
        .from(blocks)
        .where(and(eq(blocks.fairId, fairId), eq(blocks.blockerId, blockerId)))
        .orderBy(blocks.createdAt);
      return rows.map((row) => row.blockedId);
    },
  };
}
