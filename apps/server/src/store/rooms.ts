import type { Room, Table } from '@kohtaamo/protocol';
import { and, arrayContains, asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from './db';
import { compactText, given, groupBy, isUuid, single } from './mapping';
import { agendaItems, registrations, roomFacilitators, rooms, tables } from './schema';
import { toTable } from './tables';
import type { RoomRepository } from './types';

type RoomRow = typeof rooms.$inferSelect;

function toRoom(row: RoomRow, roomTables: Table[], facilitatorIds: string[]): Room {
  return {
    id: row.id,
    fairId: row.fairId,
    names: compactText(row.names),
    description: compactText(row.description),
    position: row.position,
    facilitatorIds,
    tables: roomTables,
  };
}

/**
 * The fair's rooms (or just one of them) with their tables and facilitators, in three queries
 * however many rooms there are.
 */
async function loadRooms(db: Db, fairId: string, roomId?: string): Promise<Room[]> {
  const where = and(
    eq(rooms.fairId, fairId),
    roomId === undefined ? undefined : eq(rooms.id, roomId),
  );
  const roomRows = await db
    .select()
    .from(rooms)
    .where(where)
    .orderBy(asc(rooms.position), asc(rooms.createdAt), asc(rooms.id));
  if (roomRows.length === 0) return [];
  const tableRows = await db
    .select(getTableColumns(tables))
    .from(tables)
    .innerJoin(rooms, eq(rooms.id, tables.roomId))
    .where(where)
    .orderBy(asc(tables.position), asc(tables.createdAt), asc(tables.id));
  const facilitatorRows = await db
    .select({ roomId: roomFacilitators.roomId, registrationId: roomFacilitators.registrationId })
    .from(roomFacilitators)
    .innerJoin(rooms, eq(rooms.id, roomFacilitators.roomId))
    .innerJoin(registrations, eq(registrations.id, roomFacilitators.registrationId))
    .where(where)
    .orderBy(asc(registrations.createdAt), asc(registrations.id));
  const tablesOf = groupBy<(typeof tableRows)[number], Table>(
    tableRows,
    (row) => row.roomId,
    toTable,
  );
  const facilitatorsOf = groupBy(
    facilitatorRows,
    (row) => row.roomId,
    (row) => row.registrationId,
  );
  return roomRows.map((row) =>
    toRoom(row, tablesOf.get(row.id) ?? [], facilitatorsOf.get(row.id) ?? []),
  );
}

const roomOfFair = (fairId: string, roomId: string) =>
  and(eq(rooms.id, roomId), eq(rooms.fairId, fairId));

export function roomRepository(db: Db): RoomRepository {
  return {
    async listWithTables(fairId) {
      if (!isUuid(fairId)) return [];
      return loadRooms(db, fairId);
    },

    async findById(fairId, roomId) {
      if (!isUuid(fairId) || !isUuid(roomId)) return null;
      const [room] = await loadRooms(db, fairId, roomId);
      return room ?? null;
    },

    async create(fairId, room) {
      const position =
        room.position ??
        sql`(select coalesce(max(${rooms.position}) + 1, 0) from ${rooms} where ${rooms.fairId} = ${fairId})`;
      const row = single(
        await db
          .insert(rooms)
          .values({
            fairId,
            names: compactText(room.names),
            description: compactText(room.description),
            position,
          })
          .returning(),
      );
      return toRoom(row, [], []);
    },

    async update(fairId, roomId, patch) {
      if (!isUuid(fairId) || !isUuid(roomId)) return null;
      const changes = given({
        names: patch.names && compactText(patch.names),
        description: patch.description && compactText(patch.description),
        position: patch.position,
      });
      await db
        .update(rooms)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(roomOfFair(fairId, roomId));
      // Finds nothing when the update matched no room of this fair.
      const [room] = await loadRooms(db, fairId, roomId);
      return room ?? null;
    },

    async delete(fairId, roomId) {
      if (!isUuid(fairId) || !isUuid(roomId)) return false;
      return db.transaction(async (tx) => {
        // Lock the room first: writers that check rooms lock them before their own rows too.
        const [room] = await tx
          .select({ id: rooms.id })
          .from(rooms)
          .where(roomOfFair(fairId, roomId))
          .for('update');
        if (!room) return false;
        // Items held in the room move to the stage rather than disappearing from the agenda.
        await tx
          .update(agendaItems)
          .set({ placeKind: 'stage', roomId: null, updatedAt: sql`now()` })
          .where(and(eq(agendaItems.fairId, fairId), eq(agendaItems.roomId, roomId)));
        // Themes are an array without a foreign key, so the room leaves them here.
        await tx
          .update(registrations)
          .set({ themes: sql`array_remove(${registrations.themes}, ${roomId}::uuid)` })
          .where(
            and(eq(registrations.fairId, fairId), arrayContains(registrations.themes, [roomId])),
          );
        // Tables and facilitator links go with the room through ON DELETE CASCADE.
        await tx.delete(rooms).where(eq(rooms.id, roomId));
        return true;
      });
    },
  };
}
