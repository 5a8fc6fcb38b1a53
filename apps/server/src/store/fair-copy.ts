import { asc, eq, inArray } from 'drizzle-orm';
import { speakersInCopy } from '../domain/fair-copy';
import type { Db } from './db';
import { agendaItems, roundPlans, rooms, tables } from './schema';

/** How the copied times and people map onto the new fair. */
export interface CopyMapping {
  sourceFairId: string;
  targetFairId: string;
  shiftTime: (iso: string) => string;
  /** The copier's registration in the source fair and in the copy. */
  copier: { sourceId: string; copyId: string };
}

/**
 * Copies the fair's themes (rooms with their localized names and descriptions), tables, agenda
 * and round modes into the new fair, inside the caller's transaction. Nothing personal comes
 * along: no facilitators, no speakers other than the copier, no pre-assigned seats, and tables
 * start unlocked (a lock is a live moderation state, not part of the layout).
 */
export async function copyFairContents(tx: Db, mapping: CopyMapping): Promise<void> {
  const { sourceFairId, targetFairId, shiftTime, copier } = mapping;
  const roomRows = await tx
    .select()
    .from(rooms)
    .where(eq(rooms.fairId, sourceFairId))
    .orderBy(asc(rooms.position), asc(rooms.createdAt), asc(rooms.id));
  const roomIdOf = new Map<string, string>();
  for (const room of roomRows) {
    const [copy] = await tx
      .insert(rooms)
      .values({
        fairId: targetFairId,
        names: room.names,
        description: room.description,
        position: room.position,
      })
      .returning({ id: rooms.id });
    if (copy) roomIdOf.set(room.id, copy.id);
  }
  if (roomRows.length > 0) {
    const tableRows = await tx
      .select()
      .from(tables)
      .where(inArray(tables.roomId, [...roomIdOf.keys()]))
      .orderBy(asc(tables.position), asc(tables.createdAt), asc(tables.id));
    const copies = tableRows.flatMap((table) => {
      const roomId = roomIdOf.get(table.roomId);
      return roomId
        ? [
            {
              roomId,
              name: table.name,
              capacity: table.capacity,
              closed: table.closed,
              position: table.position,
            },
          ]
        : [];
    });
    if (copies.length > 0) await tx.insert(tables).values(copies);
  }

  const itemRows = await tx
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.fairId, sourceFairId))
    .orderBy(asc(agendaItems.startsAt), asc(agendaItems.id));
  const itemIdOf = new Map<string, string>();
  for (const item of itemRows) {
    const roomId = item.roomId ? roomIdOf.get(item.roomId) : undefined;
    const [copy] = await tx
      .insert(agendaItems)
      .values({
        fairId: targetFairId,
        kind: item.kind,
        title: item.title,
        startsAt: new Date(shiftTime(item.startsAt.toISOString())),
        endsAt: new Date(shiftTime(item.endsAt.toISOString())),
        speakerIds: speakersInCopy(item.speakerIds, copier.sourceId, copier.copyId),
        ...(item.placeKind === 'room' && roomId
          ? { placeKind: 'room' as const, roomId }
          : { placeKind: 'stage' as const, roomId: null }),
      })
      .returning({ id: agendaItems.id });
    if (copy) itemIdOf.set(item.id, copy.id);
  }
  if (itemRows.length > 0) {
    const planRows = await tx
      .select({ itemId: roundPlans.itemId, mode: roundPlans.mode })
      .from(roundPlans)
      .where(eq(roundPlans.fairId, sourceFairId));
    const plans = planRows.flatMap((plan) => {
      const itemId = itemIdOf.get(plan.itemId);
      return itemId ? [{ itemId, fairId: targetFairId, mode: plan.mode }] : [];
    });
    if (plans.length > 0) await tx.insert(roundPlans).values(plans);
  }
}
