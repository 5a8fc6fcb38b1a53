import { eq, sql } from 'drizzle-orm';
import { type Db, selectRows } from './db';
import { meetings } from './schema';
import type { EarlierMeeting, MeetingRecord, MeetingRepository } from './types';

/** Rows per insert statement, well under Postgres' limit of 65535 parameters. */
const CHUNK = 1000;

async function insertMeetings(db: Db, fairId: string, rows: readonly MeetingRecord[]) {
  for (let from = 0; from < rows.length; from += CHUNK) {
    const values = rows.slice(from, from + CHUNK).map((row) => ({ fairId, ...row }));
    await db
      .insert(meetings)
      .values(values)
      .onConflictDoUpdate({
        target: [meetings.personA, meetings.personB],
        set: {
          overlapSeconds: sql`excluded.overlap_seconds`,
          firstTableId: sql`excluded.first_table_id`,
          firstAt: sql`excluded.first_at`,
        },
      });
  }
}

interface EarlierRow {
  account_id: string;
  met_account_id: string;
  met_organisation: string;
}

export function meetingRepository(db: Db): MeetingRepository {
  return {
    async upsert(fairId, rows) {
      if (rows.length === 0) return;
      await db.transaction((tx) => insertMeetings(tx, fairId, rows));
    },

    async replaceForFair(fairId, rows) {
      await db.transaction(async (tx) => {
        await tx.delete(meetings).where(eq(meetings.fairId, fairId));
        await insertMeetings(tx, fairId, rows);
      });
    },

    async earlierMeetings(fairId, accountIds) {
      const only = accountIds
        ? sql`and mine.account_id = any(${`{${accountIds.join(',')}}`}::uuid[])`
        : sql``;
      // Pairs that met at an earlier fair (by seat time or accepted exchange), seen from each
      // side, restricted to accounts registered for this fair.
      const rows = await selectRows<EarlierRow>(
        db,
        sql`
        with this_fair as (select id, starts_at from fairs where id = ${fairId}),
        earlier_pairs as (
          select m.person_a as x, m.person_b as y
          from meetings m
          join fairs f on f.id = m.fair_id
          where m.overlap_seconds >= f.meeting_threshold_seconds
            and f.id <> (select id from this_fair)
            and f.starts_at < (select starts_at from this_fair)
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
