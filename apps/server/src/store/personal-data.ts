import { getTableName, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Db, selectRows } from './db';
import * as schema from './schema';

/**
 * Where personal data lives: every table of the schema is listed here, either as personal (with
 * the columns that tie a row to a fair and to people) or as the fair's own content. The
 * completeness tests count rows through this list after an erasure, and fail on a table that
 * is in neither list, so a new table cannot hold people's data without an erasure deciding
 * what becomes of it (`erasure.ts`).
 */
export interface PersonalTable {
  table: PgTable;
  /** The column naming the fair; absent when a row reaches its fair only through a person. */
  fair?: AnyPgColumn;
  /** Columns holding a registration id; a row with all of them null names nobody. */
  people: AnyPgColumn[];
  /** Columns holding an account id. */
  accounts?: AnyPgColumn[];
  /** Arrays of registration ids. */
  peopleArrays?: AnyPgColumn[];
  /** `{ id, name, organisation }` as logged; the id is the registration's. */
  loggedPeople?: AnyPgColumn[];
}

export const personalTables: PersonalTable[] = [
  { table: schema.accounts, people: [], accounts: [schema.accounts.id] },
  { table: schema.sessions, people: [], accounts: [schema.sessions.accountId] },
  {
    table: schema.registrations,
    fair: schema.registrations.fairId,
    people: [schema.registrations.id],
    accounts: [schema.registrations.accountId],
  },
  { table: schema.roomFacilitators, people: [schema.roomFacilitators.registrationId] },
  {
    table: schema.seatIntervals,
    fair: schema.seatIntervals.fairId,
    people: [schema.seatIntervals.registrationId],
  },
  {
    table: schema.contactCards,
    fair: schema.contactCards.fairId,
    people: [schema.contactCards.registrationId],
  },
  {
    table: schema.exchanges,
    fair: schema.exchanges.fairId,
    people: [schema.exchanges.fromId, schema.exchanges.toId],
  },
  {
    table: schema.blocks,
    fair: schema.blocks.fairId,
    people: [schema.blocks.blockerId, schema.blocks.blockedId],
  },
  {
    table: schema.contactNotes,
    fair: schema.contactNotes.fairId,
    people: [schema.contactNotes.ownerId, schema.contactNotes.contactId],
  },
  {
    table: schema.meetings,
    fair: schema.meetings.fairId,
    people: [schema.meetings.personA, schema.meetings.personB],
  },
  {
    table: schema.chatMessages,
    fair: schema.chatMessages.fairId,
    people: [schema.chatMessages.authorId],
  },
  {
    table: schema.helpRequests,
    fair: schema.helpRequests.fairId,
    people: [schema.helpRequests.personId, schema.helpRequests.closedBy],
  },
  {
    table: schema.moderationLog,
    fair: schema.moderationLog.fairId,
    people: [schema.moderationLog.actorId, schema.moderationLog.targetId],
    loggedPeople: [schema.moderationLog.actor, schema.moderationLog.target],
  },
  {
    table: schema.agendaItems,
    fair: schema.agendaItems.fairId,
    people: [],
    peopleArrays: [schema.agendaItems.speakerIds],
  },
  {
    table: schema.stageCalls,
    fair: schema.stageCalls.fairId,
    people: [schema.stageCalls.calledBy],
  },
  {
    table: schema.stagePlaces,
    fair: schema.stagePlaces.fairId,
    people: [schema.stagePlaces.registrationId],
  },
  {
    table: schema.agendaControls,
    fair: schema.agendaControls.fairId,
    people: [schema.agendaControls.actorId],
  },
  { table: schema.roundPreassignments, people: [schema.roundPreassignments.registrationId] },
  {
    table: schema.roundOptOuts,
    fair: schema.roundOptOuts.fairId,
    people: [schema.roundOptOuts.registrationId],
  },
];

/** Tables of the fair's own content, naming nobody. */
export const fairContentTables: PgTable[] = [
  schema.fairs,
  schema.rooms,
  schema.tables,
  schema.roundPlans,
  schema.roundClaims,
  schema.reportSnapshots,
];

/**
 * The server's own protection, tied to no account: the sign-in lock-out keeps only a keyed hash of
 * the address tried (unknown addresses are counted too) and forgets it once the lock has passed,
 * so there is nothing in it to erase with a fair or an account.
 */
export const protectionTables: PgTable[] = [schema.signInLockouts];

/** Whose data to count: a fair's, some registrations', some accounts' (any of them). */
export interface PersonalScope {
  fairId?: string;
  registrationIds?: readonly string[];
  accountIds?: readonly string[];
}

const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** Rows of a table that belong to the scope and still name somebody. */
function scopedRows(entry: PersonalTable, scope: PersonalScope): SQL | undefined {
  const registrationIds = uuidArray(scope.registrationIds ?? []);
  const accountIds = uuidArray(scope.accountIds ?? []);
  const loggedIds = sql`${`{${(scope.registrationIds ?? []).join(',')}}`}::text[]`;
  const inScope = or(
    scope.fairId && entry.fair ? sql`${entry.fair} = ${scope.fairId}` : undefined,
    ...entry.people.map((column) => sql`${column} = any(${registrationIds})`),
    ...(entry.accounts ?? []).map((column) => sql`${column} = any(${accountIds})`),
    ...(entry.peopleArrays ?? []).map((column) => sql`${column} && ${registrationIds}`),
    ...(entry.loggedPeople ?? []).map((column) => sql`${column} ->> 'id' = any(${loggedIds})`),
  );
  const namesSomebody = or(
    ...entry.people.map((column) => sql`${column} is not null`),
    ...(entry.accounts ?? []).map((column) => sql`${column} is not null`),
    ...(entry.peopleArrays ?? []).map((column) => sql`cardinality(${column}) > 0`),
  );
  return sql`(${inScope ?? sql`false`}) and (${namesSomebody ?? sql`true`})`;
}

/**
 * How many rows of each personal table still hold data of the scope: what an erasure has to
 * bring to nought. The tests use it; an operator answering a data-protection request can too.
 */
export async function countPersonalRows(
  db: Db,
  scope: PersonalScope,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const entry of personalTables) {
    const rows = await selectRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from ${entry.table} where ${scopedRows(entry, scope)}`,
    );
    counts[getTableName(entry.table)] = Number(rows[0]?.count ?? 0);
  }
  return counts;
}
