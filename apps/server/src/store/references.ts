import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './db';
import { InvalidReferenceError } from './errors';
import { isUuid } from './mapping';
import { registrations, rooms } from './schema';

/** Where an id sits in the request body, given its position in the list checked. */
type PathOf = (index: number) => (string | number)[];

/** Throws for the first id (by input position) that `found` does not contain. */
function assertAllFound(ids: readonly string[], found: Set<string>, pathOf: PathOf, noun: string) {
  // Postgres prints uuids in lowercase; callers may send them in either case.
  const index = ids.findIndex((id) => !found.has(id.toLowerCase()));
  if (index >= 0) {
    throw new InvalidReferenceError(
      pathOf(index),
      `${noun} ${ids[index]} is not part of this fair`,
    );
  }
}

/**
 * Checks that every id is a room of the fair. Run inside the writing transaction: the rows are
 * locked FOR SHARE so that a concurrent delete waits until the write has committed. Writers lock
 * rooms before the rows they change, as the room delete does, so the two cannot deadlock.
 */
export async function assertRoomsOfFair(
  tx: Db,
  fairId: string,
  ids: readonly string[],
  pathOf: PathOf,
) {
  const candidates = ids.filter(isUuid);
  const found =
    candidates.length === 0
      ? []
      : await tx
          .select({ id: rooms.id })
          .from(rooms)
          .where(and(eq(rooms.fairId, fairId), inArray(rooms.id, candidates)))
          .for('share');
  assertAllFound(ids, new Set(found.map((row) => row.id)), pathOf, 'Room');
}

/** Checks that every id is a registration of the fair, locking them like `assertRoomsOfFair`. */
export async function assertRegistrationsOfFair(
  tx: Db,
  fairId: string,
  ids: readonly string[],
  pathOf: PathOf,
) {
  const candidates = ids.filter(isUuid);
  const found =
    candidates.length === 0
      ? []
      : await tx
          .select({ id: registrations.id })
          .from(registrations)
          .where(and(eq(registrations.fairId, fairId), inArray(registrations.id, candidates)))
          .for('share');
  assertAllFound(ids, new Set(found.map((row) => row.id)), pathOf, 'Registration');
}
