import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { seatIntervals } from './schema';
import type { SeatInterval, SeatIntervalRepository } from './types';

type SeatIntervalRow = typeof seatIntervals.$inferSelect;

function toSeatInterval(row: Omit<SeatIntervalRow, 'fairId'>): SeatInterval {
  return {
    id: row.id,
    registrationId: row.registrationId,
    tableId: row.tableId,
    joinedAt: row.joinedAt,
    leftAt: row.leftAt,
  };
}

/** Never before the interval began, even if the clocks of two nodes disagree a little. */
const notBeforeJoined = (leftAt: Date) =>
  sql`greatest(${seatIntervals.joinedAt}, ${leftAt.toISOString()}::timestamptz)`;

export function seatIntervalRepository(db: Db): SeatIntervalRepository {
  return {
    async open({ fairId, registrationId, tableId, joinedAt }) {
      await db.transaction(async (tx) => {
        // An interval left open by a seat that was never freed (its close failed) ends here.
        await tx
          .update(seatIntervals)
          .set({ leftAt: notBeforeJoined(joinedAt) })
          .where(
            and(eq(seatIntervals.registrationId, registrationId), isNull(seatIntervals.leftAt)),
          );
        await tx.insert(seatIntervals).values({ fairId, registrationId, tableId, joinedAt });
      });
    },

    async close({ fairId, registrationId, tableId, leftAt }) {
      await db
        .update(seatIntervals)
        .set({ leftAt: notBeforeJoined(leftAt) })
        .where(
          and(
            eq(seatIntervals.fairId, fairId),
            eq(seatIntervals.registrationId, registrationId),
            eq(seatIntervals.tableId, tableId),
            isNull(seatIntervals.leftAt),
          ),
        );
    },

    async closeAllOpen(leftAt) {
      const closed = await db
        .update(seatIntervals)
        .set({ leftAt: notBeforeJoined(leftAt) })
        .where(isNull(seatIntervals.leftAt))
        .returning({ fairId: seatIntervals.fairId });
      return [...new Set(closed.map((row) => row.fairId))];
    },

    async list(fairId) {
      const rows = await db
        .select()
        .from(seatIntervals)
        .where(eq(seatIntervals.fairId, fairId))
        .orderBy(asc(seatIntervals.joinedAt), asc(seatIntervals.id));
      return rows.map(toSeatInterval);
    },

    async listNear(fairId, registrationId, marginMs) {
      const mine = alias(seatIntervals, 'mine');
      const margin = sql`${`${marginMs} milliseconds`}::interval`;
      const rows = await db
        .selectDistinct({
          id: seatIntervals.id,
          registrationId: seatIntervals.registrationId,
          tableId: seatIntervals.tableId,
          joinedAt: seatIntervals.joinedAt,
          leftAt: seatIntervals.leftAt,
        })
        .from(mine)
        .innerJoin(
          seatIntervals,
          and(
            eq(seatIntervals.fairId, fairId),
            eq(seatIntervals.tableId, mine.tableId),
            sql`${seatIntervals.joinedAt} < coalesce(${mine.leftAt}, 'infinity') + ${margin}`,
            sql`coalesce(${seatIntervals.leftAt}, 'infinity') > ${mine.joinedAt} - ${margin}`,
          ),
        )
        .where(and(eq(mine.fairId, fairId), eq(mine.registrationId, registrationId)))
        .orderBy(asc(seatIntervals.joinedAt), asc(seatIntervals.id));
      return rows.map(toSeatInterval);
    },
  };
}
