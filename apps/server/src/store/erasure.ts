import { ERASED_PERSON_ID, type FairReport, type PersonalDataExport } from '@kohtaamo/protocol';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { type Db, selectRows } from './db';
import { isUuid } from './mapping';
import { countPersonalRows, type PersonalScope } from './personal-data';
import { exportPersonalData } from './personal-export';
import {
  accounts,
  agendaControls,
  agendaItems,
  blocks,
  chatMessages,
  contactCards,
  contactNotes,
  exchanges,
  fairs,
  helpRequests,
  meetings,
  moderationLog,
  registrations,
  reportSnapshots,
  roundOptOuts,
  roundPreassignments,
  seatIntervals,
  stageCalls,
} from './schema';

export type FairErasureOutcome =
  | { kind: 'erased'; erasedAt: Date; people: number }
  | { kind: 'not_found' }
  | { kind: 'not_closed' };

export type AccountErasureOutcome =
  | {
      kind: 'deleted';
      /** The registrations that went with the account, so live connections can be ended. */
      registrations: { fairId: string; id: string }[];
      /** Fairs nobody else was registered for, deleted with their only organiser. */
      deletedFairIds: string[];
    }
  | { kind: 'not_found' }
  | { kind: 'sole_organiser'; fairs: { id: string; title: string }[] };

export interface DataRightsRepository {
  /**
   * Erases the personal data of a closed fair in one transaction: every registration but the
   * organisers' and everything any registration of the fair left behind (see `personal-data.ts`).
   * Keeps `report` as the fair's report snapshot unless one was kept before (a second erasure
   * cleans up what came after the first and leaves its snapshot and date). Replaces the invite
   * code with `inviteCode`.
   */
  eraseFair(
    fairId: string,
    input: { report: FairReport; now: Date; inviteCode: string },
  ): Promise<FairErasureOutcome>;
  /** The snapshot kept by an erasure, or null while the fair's data is kept. */
  reportSnapshot(fairId: string): Promise<{ report: FairReport; erasedAt: Date } | null>;
  /**
   * Deletes the account with its sessions and everything of its registrations, in one
   * transaction. The moderation log keeps its entries with the person anonymised. Refuses,
   * changing nothing, while the account is the only organiser of a fair others are in.
   */
  eraseAccount(accountId: string): Promise<AccountErasureOutcome>;
  /** Rows per personal table that still hold the scope's data (see `personal-data.ts`). */
  countPersonalRows(scope: PersonalScope): Promise<Record<string, number>>;
  /** Everything held about the account, for its owner; null when there is no such account. */
  personalData(accountId: string, now: Date): Promise<PersonalDataExport | null>;
}

/** What the moderation log shows for a person whose account was deleted. */
const ERASED_PERSON = { id: ERASED_PERSON_ID, name: '', organisation: '' };

async function eraseFairRows(tx: Db, fairId: string): Promise<number> {
  await tx.delete(chatMessages).where(eq(chatMessages.fairId, fairId));
  await tx.delete(helpRequests).where(eq(helpRequests.fairId, fairId));
  await tx.delete(moderationLog).where(eq(moderationLog.fairId, fairId));
  await tx.delete(stageCalls).where(eq(stageCalls.fairId, fairId));
  await tx.delete(roundOptOuts).where(eq(roundOptOuts.fairId, fairId));
  const people = tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(eq(registrations.fairId, fairId));
  await tx.delete(roundPreassignments).where(inArray(roundPreassignments.registrationId, people));
  await tx.delete(contactNotes).where(eq(contactNotes.fairId, fairId));
  await tx.delete(blocks).where(eq(blocks.fairId, fairId));
  await tx.delete(exchanges).where(eq(exchanges.fairId, fairId));
  await tx.delete(contactCards).where(eq(contactCards.fairId, fairId));
  await tx.delete(meetings).where(eq(meetings.fairId, fairId));
  await tx.delete(seatIntervals).where(eq(seatIntervals.fairId, fairId));
  // The live agenda's timeline is the fair's, not anybody's: it stays without its actors.
  await tx.update(agendaControls).set({ actorId: null }).where(eq(agendaControls.fairId, fairId));
  await tx
    .update(agendaItems)
    .set({ speakerIds: sql`'{}'::uuid[]` })
    .where(eq(agendaItems.fairId, fairId));
  const removed = await tx
    .delete(registrations)
    .where(and(eq(registrations.fairId, fairId), ne(registrations.role, 'organiser')))
    .returning({ id: registrations.id });
  return removed.length;
}

/** Fairs the account is the only organiser of, each with how many other people are in it. */
async function organisedAlone(tx: Db, accountId: string) {
  const rows = await selectRows<{ id: string; title: string; others: number }>(
    tx,
    sql`
    select f.id, f.title,
      (select count(*)::int from ${registrations} o
        where o.fair_id = f.id and o.account_id <> ${accountId}) as others
    from ${registrations} r join ${fairs} f on f.id = r.fair_id
    where r.account_id = ${accountId} and r.role = 'organiser'
      and not exists (select 1 from ${registrations} o where o.fair_id = f.id
        and o.role = 'organiser' and o.account_id <> ${accountId})
    order by f.starts_at, f.id`,
  );
  return rows.map((row) => ({ id: row.id, title: row.title, others: Number(row.others) }));
}

export function dataRightsRepository(db: Db): DataRightsRepository {
  return {
    async eraseFair(fairId, { report, now, inviteCode }) {
      if (!isUuid(fairId)) return { kind: 'not_found' };
      return db.transaction(async (tx) => {
        const [fair] = await tx
          .select({ status: fairs.status, erasedAt: fairs.erasedAt })
          .from(fairs)
          .where(eq(fairs.id, fairId))
          .for('update');
        if (!fair) return { kind: 'not_found' };
        if (fair.status !== 'closed') return { kind: 'not_closed' };
        const erasedAt = fair.erasedAt ?? now;
        await tx
          .insert(reportSnapshots)
          .values({ fairId, report, takenAt: now })
          .onConflictDoNothing();
        await tx
          .update(fairs)
          .set({ erasedAt, inviteCode, updatedAt: sql`now()` })
          .where(eq(fairs.id, fairId));
        const people = await eraseFairRows(tx, fairId);
        return { kind: 'erased', erasedAt, people };
      });
    },

    async reportSnapshot(fairId) {
      if (!isUuid(fairId)) return null;
      const [row] = await db
        .select({ report: reportSnapshots.report, erasedAt: fairs.erasedAt })
        .from(reportSnapshots)
        .innerJoin(fairs, eq(fairs.id, reportSnapshots.fairId))
        .where(eq(reportSnapshots.fairId, fairId));
      return row?.erasedAt ? { report: row.report, erasedAt: row.erasedAt } : null;
    },

    async eraseAccount(accountId) {
      if (!isUuid(accountId)) return { kind: 'not_found' };
      return db.transaction(async (tx) => {
        const [account] = await tx
          .select({ id: accounts.id })
          .from(accounts)
          .where(eq(accounts.id, accountId))
          .for('update');
        if (!account) return { kind: 'not_found' };
        // Locks the account's fairs, so nobody becomes or stops being organiser meanwhile.
        await tx.execute(sql`select 1 from ${fairs} where id in
          (select fair_id from ${registrations} where account_id = ${accountId}) for update`);
        const alone = await organisedAlone(tx, accountId);
        const blocking = alone.filter((fair) => fair.others > 0);
        if (blocking.length > 0) {
          return {
            kind: 'sole_organiser',
            fairs: blocking.map(({ id, title }) => ({ id, title })),
          };
        }
        const mine = await tx
          .select({ fairId: registrations.fairId, id: registrations.id })
          .from(registrations)
          .where(eq(registrations.accountId, accountId));
        const ids = mine.map((registration) => registration.id);
        if (ids.length > 0) {
          await tx
            .update(moderationLog)
            .set({ actor: ERASED_PERSON })
            .where(inArray(moderationLog.actorId, ids));
          await tx
            .update(moderationLog)
            .set({ target: ERASED_PERSON })
            .where(inArray(moderationLog.targetId, ids));
          const idArray = sql`${`{${ids.join(',')}}`}::uuid[]`;
          await tx.execute(sql`update ${agendaItems} set speaker_ids = coalesce(
              (select array_agg(s) from unnest(speaker_ids) s where s <> all(${idArray})),
              '{}'::uuid[])
            where speaker_ids && ${idArray}`);
        }
        const deletedFairIds = alone.map((fair) => fair.id);
        if (deletedFairIds.length > 0)
          await tx.delete(fairs).where(inArray(fairs.id, deletedFairIds));
        // Sessions, registrations and everything hanging off them go by cascade.
        await tx.delete(accounts).where(eq(accounts.id, accountId));
        return { kind: 'deleted', registrations: mine, deletedFairIds };
      });
    },

    countPersonalRows(scope) {
      return countPersonalRows(db, scope);
    },

    personalData(accountId, now) {
      return exportPersonalData(db, accountId, now);
    },
  };
}
