import { and, eq, or, sql } from 'drizzle-orm';
import { type Db, selectRows } from './db';
import { meetings } from './schema';
import type { Acquaintance, EarlierMeeting, MeetingRepository, TableMeeting } from './types';

/** Rows per insert statement, well under Postgres' limit of 65535 parameters. */
const CHUNK = 1000;

async function insertMeetings(db: Db, fairId: string, rows: readonly TableMeeting[]) {
  for (let from = 0; from < rows.length; from += CHUNK) {
    const values = rows.slice(from, from + CHUNK).map((row) => ({ fairId, ...row }));
    await db
      .insert(meetings)
      .values(values)
      .onConflictDoUpdate({
        target: [meetings.personA, meetings.tableId, meetings.personB],
        set: { overlapMs: sql`excluded.overlap_ms`, firstAt: sql`excluded.first_at` },
      });
  }
}

interface EarlierRow {
  account_id: string;
  met_account_id: string;
  met_organisation: string;
}

interface AcquaintanceRow {
  registration_id: string;
  account_id: string;
  organisation: string;
}

export function meetingRepository(db: Db): MeetingRepository {
  return {
    async replaceAtTable(fairId, personId, tableId, rows) {
      await db.transaction(async (tx) => {
        // Two tablemates' seats freed at once on two nodes would otherwise lock each other's
        // rows of this table in opposite orders.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${tableId}))`);
        await tx
          .delete(meetings)
          .where(
            and(
              eq(meetings.tableId, tableId),
              or(eq(meetings.personA, personId), eq(meetings.personB, personId)),
            ),
          );
        await insertMeetings(tx, fairId, rows);
      });
    },

    async replaceForFair(fairId, rows) {
      await db.transaction(async (tx) => {
        await tx.delete(meetings).where(eq(meetings.fairId, fairId));
        await insertMeetings(tx, fairId, rows);
      });
    },

    async acquaintances(fairId, personId) {
      const rows = await selectRows<AcquaintanceRow>(
        db,
        sql`
        with at_tables as (
          select person_b as other, overlap_ms from meetings
          where fair_id = ${fairId} and person_a = ${personId}
          union all
          select person_a, overlap_ms from meetings
          where fair_id = ${fairId} and person_b = ${personId}
        ),
        met as (
          select other from at_tables
          group by other
          having sum(overlap_ms) >=
            (select meeting_threshold_seconds from fairs where id = ${fairId})::bigint * 1000
          union
          select case when from_id = ${personId} then to_id else from_id end
          from exchanges
          where fair_id = ${fairId} and status = 'accepted'
            and (from_id = ${personId} or to_id = ${personId})
        )
        select r.id as registration_id, r.account_id, r.organisation
        from met join registrations r on r.id = met.other
      `,
      );
      return rows.map((row): Acquaintance => ({
        registrationId: row.registration_id,
        accountId: row.account_id,
        organisation: row.organisation,
      }));
    },

    async earlierMeetings(fairId, accountIds) {
      const only = accountIds
        ? sql`and mine.account_id = any(${`{${accountIds.join(',')}}`}::uuid[])`
        : sql``;
      // Pairs that met at an earlier fair (by seat time summed over its tables, or an accepted
      // exchange), seen from each side, restricted to accounts registered for this fair.
      const rows = await selectRows<EarlierRow>(
        db,
        sql`
        with this_fair as (select id, starts_at from fairs where id = ${fairId}),
        earlier_pairs as (
          select m.person_a as x, m.person_b as y
          from meetings m
          join fairs f on f.id = m.fair_id
          where f.id <> (select id from this_fair)
            and f.starts_at < (select starts_at from this_fair)
          group by m.person_a, m.person_b, f.meeting_threshold_seconds
          having sum(m.overlap_ms) >= f.meeting_threshold_seconds::bigint * 1000
          union
          select e.from_id, e.to_id
          from exchanges e
          join fairs f on f.id = e.fair_id
          where e.status = 'accepted'
            and f.id <> (select id from this_fair)
            and f.starts_at < (select starts_at from this_fair)
        ),
        both_ways as (
          select x as me, y as other from earlier_pairs
          union all
          select y, x from earlier_pairs
        )
        select distinct mine.account_id, other.account_id as met_account_id,
          other.organisation as met_organisation
        from both_ways b
        join registrations me_then on me_then.id = b.me
        join registrations other on other.id = b.other
        join registrations mine on mine.account_id = me_then.account_id
          and mine.fair_id = (select id from this_fair)
        where true ${only}
      `,
      );
      return rows.map((row): EarlierMeeting => ({
        accountId: row.account_id,
        metAccountId: row.met_account_id,
        metOrganisation: row.met_organisation,
      }));
    },
  };
}
