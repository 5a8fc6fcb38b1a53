import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from './db';
import { isUuid } from './mapping';
import { helpRequests, registrations } from './schema';
import type { HelpRequest } from '@kohtaamo/protocol';
import type { HelpRepository } from './types';

const columns = {
  id: helpRequests.id,
  roomId: helpRequests.roomId,
  personId: helpRequests.personId,
  personName: registrations.displayName,
  personOrganisation: registrations.organisation,
  note: helpRequests.note,
  raisedAt: helpRequests.raisedAt,
};

type Row = {
  id: string;
  roomId: string;
  personId: string;
  personName: string;
  personOrganisation: string;
  note: string;
  raisedAt: Date;
};

function toRequest(row: Row): HelpRequest {
  return {
    id: row.id,
    roomId: row.roomId,
    person: { id: row.personId, name: row.personName, organisation: row.personOrganisation },
    note: row.note,
    raisedAt: row.raisedAt.toISOString(),
  };
}

const isOpen = isNull(helpRequests.closedAt);

export function helpRepository(db: Db): HelpRepository {
  async function findOpen(fairId: string, where: SQL) {
    const [row] = await db
      .select(columns)
      .from(helpRequests)
      .innerJoin(registrations, eq(registrations.id, helpRequests.personId))
      .where(and(eq(helpRequests.fairId, fairId), isOpen, where));
    return row ? toRequest(row) : null;
  }

  return {
    async raise({ fairId, roomId, personId, note, now }) {
      // A second hand from the same person moves the open one (new room, new note) and keeps
      // its place in the queue.
      const [row] = await db
        .insert(helpRequests)
        .values({ fairId, roomId, personId, note, raisedAt: now })
        .onConflictDoUpdate({
          target: helpRequests.personId,
          targetWhere: sql`${helpRequests.closedAt} is null`,
          set: { roomId, note },
        })
        .returning({ id: helpRequests.id });
      const request = row ? await findOpen(fairId, eq(helpRequests.id, row.id)) : null;
      if (!request) throw new Error('The raised hand was not stored');
      return request;
    },

    findOpenOf(fairId, personId) {
      if (!isUuid(fairId) || !isUuid(personId)) return Promise.resolve(null);
      return findOpen(fairId, eq(helpRequests.personId, personId));
    },

    findOpenById(fairId, requestId) {
      if (!isUuid(fairId) || !isUuid(requestId)) return Promise.resolve(null);
      return findOpen(fairId, eq(helpRequests.id, requestId));
    },

    async listOpen(fairId, roomId) {
      if (!isUuid(fairId) || !isUuid(roomId)) return [];
      const rows = await db
        .select(columns)
        .from(helpRequests)
        .innerJoin(registrations, eq(registrations.id, helpRequests.personId))
        .where(and(eq(helpRequests.fairId, fairId), eq(helpRequests.roomId, roomId), isOpen))
        .orderBy(asc(helpRequests.raisedAt), asc(helpRequests.id));
      return rows.map(toRequest);
    },

    async close(fairId, requestId, { outcome, by, now }) {
      if (!isUuid(fairId) || !isUuid(requestId)) return false;
      const closed = await db
        .update(helpRequests)
        .set({ closedAt: now, closedBy: by, outcome })
        .where(and(eq(helpRequests.fairId, fairId), eq(helpRequests.id, requestId), isOpen))
        .returning({ id: helpRequests.id });
      return closed.length > 0;
    },
  };
}
