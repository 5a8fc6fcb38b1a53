import type { Location, ModerationLogEntry } from '@kohtaamo/protocol';
import { desc, eq } from 'drizzle-orm';
import type { Db } from './db';
import { isUuid } from './mapping';
import { moderationLog, stageCalls, stagePlaces } from './schema';

export interface ModerationLogRepository {
  /** Stores one entry as given (its id and time come from the caller). */
  append(fairId: string, entry: ModerationLogEntry): Promise<void>;
  /** The newest `limit` entries of the fair, newest first. */
  list(fairId: string, limit: number): Promise<ModerationLogEntry[]>;
}

/** Where someone was when everyone was called to the stage. */
export interface StagePlace {
  personId: string;
  location: Location;
}

export interface StageCallRecord {
  calledAt: Date;
  calledBy: string;
}

export interface StageCallRepository {
  /**
   * Starts a call unless one is on (the first call's time stays) and remembers the places of
   * people not remembered yet, in one transaction. Returns the call as stored.
   */
  call(
    fairId: string,
    call: StageCallRecord,
    places: readonly StagePlace[],
  ): Promise<StageCallRecord>;
  /** The call on in the fair, or null. */
  current(fairId: string): Promise<StageCallRecord | null>;
  /** The places remembered by the call on in the fair (none without one). */
  places(fairId: string): Promise<StagePlace[]>;
  /** Ends the call and forgets its places; false when none was on. */
  end(fairId: string): Promise<boolean>;
}

type LogRow = typeof moderationLog.$inferSelect;

function toEntry(row: LogRow): ModerationLogEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    target: row.target,
    roomId: row.roomId,
    tableId: row.tableId,
    reason: row.reason,
  };
}

export function moderationLogRepository(db: Db): ModerationLogRepository {
  return {
    async append(fairId, entry) {
      const person = (ref: ModerationLogEntry['actor']) => ({
        id: ref.id,
        name: ref.name,
        organisation: ref.organisation,
      });
      await db.insert(moderationLog).values({
        id: entry.id,
        fairId,
        at: new Date(entry.at),
        actorId: entry.actor.id,
        actor: person(entry.actor),
        kind: entry.action.kind,
        action: entry.action,
        targetId: entry.target?.id ?? null,
        target: entry.target ? person(entry.target) : null,
        roomId: entry.roomId,
        tableId: entry.tableId,
        reason: entry.reason,
      });
    },

    async list(fairId, limit) {
      if (!isUuid(fairId)) return [];
      const rows = await db
        .select()
        .from(moderationLog)
        .where(eq(moderationLog.fairId, fairId))
        .orderBy(desc(moderationLog.at), desc(moderationLog.id))
        .limit(limit);
      return rows.map(toEntry);
    },
  };
}

function placeRow(fairId: string, { personId, location }: StagePlace) {
  const roomId = location.kind === 'room' || location.kind === 'table' ? location.roomId : null;
  const tableId = location.kind === 'table' ? location.tableId : null;
  return { fairId, registrationId: personId, roomId, tableId };
}

function toLocation(roomId: string | null, tableId: string | null): Location {
  if (roomId && tableId) return { kind: 'table', roomId, tableId };
  if (roomId) return { kind: 'room', roomId };
  return { kind: 'lobby' };
}

export function stageCallRepository(db: Db): StageCallRepository {
  async function current(fairId: string): Promise<StageCallRecord | null> {
    if (!isUuid(fairId)) return null;
    const [row] = await db
      .select({ calledAt: stageCalls.calledAt, calledBy: stageCalls.calledBy })
      .from(stageCalls)
      .where(eq(stageCalls.fairId, fairId));
    return row ?? null;
  }

  return {
    async call(fairId, call, places) {
      return db.transaction(async (tx) => {
        await tx
          .insert(stageCalls)
          .values({ fairId, ...call })
          .onConflictDoNothing();
        if (places.length > 0) {
          await tx
            .insert(stagePlaces)
            .values(places.map((place) => placeRow(fairId, place)))
            .onConflictDoNothing();
        }
        const [row] = await tx
          .select({ calledAt: stageCalls.calledAt, calledBy: stageCalls.calledBy })
          .from(stageCalls)
          .where(eq(stageCalls.fairId, fairId));
        if (!row) throw new Error('The stage call was not stored');
        return row;
      });
    },

    current,

    async places(fairId) {
      if (!isUuid(fairId)) return [];
      const rows = await db.select().from(stagePlaces).where(eq(stagePlaces.fairId, fairId));
      return rows.map((row) => ({
        personId: row.registrationId,
        location: toLocation(row.roomId, row.tableId),
      }));
    },

    async end(fairId) {
      if (!isUuid(fairId)) return false;
      const ended = await db
        .delete(stageCalls)
        .where(eq(stageCalls.fairId, fairId))
        .returning({ fairId: stageCalls.fairId });
      return ended.length > 0;
    },
  };
}
