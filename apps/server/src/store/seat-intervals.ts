import { and, asc, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { type Db, selectRows } from './db';
import { seatIntervals } from './schema';
import type { SeatInterval, SeatIntervalRepository } from './types';

type SeatIntervalRow = typeof seatIntervals.$inferSelect;

/** A row of raw SQL: the drivers answer timestamps as strings or dates. */
interface NearRow {
  id: string;
  registration_id: string;
  table_id: string;
  joined_at: string | Date;
  left_at: string | Date | null;
}

function toSeatInterval(row: SeatIntervalRow): SeatInterval {
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

    async close({ fairId, registrationId, tableId, leftAt, freedAt }) {
      await db
        .update(seatIntervals)
        .set({ leftAt: notBeforeJoined(leftAt) })
        .where(
          and(
            eq(seatIntervals.fairId, fairId),
            eq(seatIntervals.registrationId, registrationId),
            eq(seatIntervals.tableId, tableId),
            isNull(seatIntervals.leftAt),
            lte(seatIntervals.joinedAt, freedAt),
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

    async listNear(fairId, registrationId, graceMs, tableId) {
      const atTable = tableId === undefined ? sql`` : sql`and o.table_id = ${tableId}`;
      const grace = sql`${`${graceMs} milliseconds`}::interval`;
      const endOf = (leftAt: SQL) => sql`coalesce(${leftAt}, 'infinity'::timestamptz)`;
      // Candidates: at my tables, within two graces of one of my intervals (so their neighbours
      // that matter are among them). Each is stretched over the gaps to its neighbours that the
      // grace bridges; whatever stretches into one of my own stretched intervals is returned.
      const rows = await selectRows<NearRow>(
        db,
        sql`
        with candidates as (
          select o.id, o.registration_id, o.table_id, o.joined_at, o.left_at,
            lag(${endOf(sql`o.left_at`)}) over neighbours as previous_left_at,
            lead(o.joined_at) over neighbours as next_joined_at
          from ${seatIntervals} o
          where o.fair_id = ${fairId} ${atTable}
            and exists (
              select 1 from ${seatIntervals} m
              where m.fair_id = ${fairId} and m.registration_id = ${registrationId}
                and m.table_id = o.table_id
                and o.joined_at < ${endOf(sql`m.left_at`)} + 2 * ${grace}
                and ${endOf(sql`o.left_at`)} > m.joined_at - 2 * ${grace})
          window neighbours as (partition by o.registration_id, o.table_id order by o.joined_at, o.id)
        ),
        stretched as (
          select id, registration_id, table_id, joined_at, left_at,
            case when previous_left_at > joined_at - ${grace}
              then least(previous_left_at, joined_at) else joined_at end as from_at,
            case when next_joined_at < ${endOf(sql`left_at`)} + ${grace}
              then greatest(next_joined_at, ${endOf(sql`left_at`)}) else ${endOf(sql`left_at`)}
            end as to_at
          from candidates
        )
        select o.id, o.registration_id, o.table_id, o.joined_at, o.left_at
        from stretched o
        where exists (
          select 1 from stretched m
          where m.registration_id = ${registrationId} and m.table_id = o.table_id
            and o.from_at < m.to_at and o.to_at > m.from_at)
        order by o.joined_at, o.id
      `,
      );
      return rows.map((row): SeatInterval => ({
        id: row.id,
        registrationId: row.registration_id,
        tableId: row.table_id,
        joinedAt: new Date(row.joined_at),
        leftAt: row.left_at === null ? null : new Date(row.left_at),
      }));
    },
  };
}
