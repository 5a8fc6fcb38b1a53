import type { Table } from '@kohtaamo/protocol';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db';
import { given, isUuid, single } from './mapping';
import { rooms, tables } from './schema';
import type { TableRepository } from './types';

type TableRow = typeof tables.$inferSelect;

export function toTable(row: TableRow): Table {
  return {
    id: row.id,
    roomId: row.roomId,
    name: row.name,
    capacity: row.capacity,
    locked: row.locked,
    closed: row.closed,
    position: row.position,
  };
}

export function tableRepository(db: Db): TableRepository {
  /** Tables carry no fair id; this limits a statement to the tables of the fair's rooms. */
  const inFair = (fairId: string, tableId: string) =>
    and(
      eq(tables.id, tableId),
      inArray(
        tables.roomId,
        db.select({ id: rooms.id }).from(rooms).where(eq(rooms.fairId, fairId)),
      ),
    );

  return {
    async create(fairId, roomId, table) {
      if (!isUuid(fairId) || !isUuid(roomId)) return null;
      return db.transaction(async (tx) => {
        // FOR SHARE keeps the room from being deleted before the table is inserted.
        const [room] = await tx
          .select({ id: rooms.id })
          .from(rooms)
          .where(and(eq(rooms.id, roomId), eq(rooms.fairId, fairId)))
          .for('share');
        if (!room) return null;
        const position =
          table.position ??
          sql`(select coalesce(max(${tables.position}) + 1, 0) from ${tables} where ${tables.roomId} = ${roomId})`;
        const row = single(
          await tx
            .insert(tables)
            .values({ roomId, name: table.name, capacity: table.capacity, position })
            .returning(),
        );
        return toTable(row);
      });
    },

    async update(fairId, tableId, patch) {
      if (!isUuid(fairId) || !isUuid(tableId)) return null;
      const { name, capacity, position, locked, closed } = patch;
      const [row] = await db
        .update(tables)
        .set({ ...given({ name, capacity, position, locked, closed }), updatedAt: sql`now()` })
        .where(inFair(fairId, tableId))
        .returning();
      return row ? toTable(row) : null;
    },

    async delete(fairId, tableId) {
      if (!isUuid(fairId) || !isUuid(tableId)) return false;
      const deleted = await db
        .delete(tables)
        .where(inFair(fairId, tableId))
        .returning({ id: tables.id });
      return deleted.length > 0;
    },
  };
}
