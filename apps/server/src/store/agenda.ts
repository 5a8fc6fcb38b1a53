import type { AgendaItem, AgendaPlace } from '@kohtaamo/protocol';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './db';
import { compactText, distinctIds, given, isUuid, single } from './mapping';
import { assertRegistrationsOfFair, assertRoomsOfFair } from './references';
import { agendaItems, registrations } from './schema';
import type { AgendaRepository } from './types';

type AgendaRow = typeof agendaItems.$inferSelect;

function toAgendaItem(row: AgendaRow): AgendaItem {
  const place: AgendaPlace =
    row.placeKind === 'room' && row.roomId
      ? { kind: 'room', roomId: row.roomId }
      : { kind: 'stage' };
  return {
    id: row.id,
    fairId: row.fairId,
    kind: row.kind,
    title: compactText(row.title),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    speakerIds: row.speakerIds,
    place,
  };
}

function placeColumns(place: AgendaPlace) {
  return place.kind === 'room'
    ? { placeKind: 'room' as const, roomId: place.roomId }
    : { placeKind: 'stage' as const, roomId: null };
}

/**
 * Participants named as an item's speakers become the fair's speakers, so they may speak on the
 * stage (media grants go by role); organisers and facilitators keep their own role.
 */
async function promoteSpeakers(tx: Db, fairId: string, speakerIds: readonly string[] | undefined) {
  if (!speakerIds || speakerIds.length === 0) return;
  await tx
    .update(registrations)
    .set({ role: 'speaker', updatedAt: sql`now()` })
    .where(
      and(
        eq(registrations.fairId, fairId),
        inArray(registrations.id, [...speakerIds]),
        eq(registrations.role, 'participant'),
      ),
    );
}

/** Refuses speakers and rooms from outside the fair; call inside the writing transaction. */
async function assertReferences(
  tx: Db,
  fairId: string,
  item: { speakerIds?: string[]; place?: AgendaPlace },
) {
  if (item.speakerIds) {
    await assertRegistrationsOfFair(tx, fairId, item.speakerIds, (i) => ['speakerIds', i]);
  }
  if (item.place?.kind === 'room') {
    await assertRoomsOfFair(tx, fairId, [item.place.roomId], () => ['place', 'roomId']);
  }
}

export function agendaRepository(db: Db): AgendaRepository {
  const itemOfFair = (fairId: string, itemId: string) =>
    and(eq(agendaItems.id, itemId), eq(agendaItems.fairId, fairId));

  return {
    async list(fairId) {
      if (!isUuid(fairId)) return [];
      const rows = await db
        .select()
        .from(agendaItems)
        .where(eq(agendaItems.fairId, fairId))
        .orderBy(asc(agendaItems.startsAt), asc(agendaItems.endsAt), asc(agendaItems.id));
      return rows.map(toAgendaItem);
    },

    create(fairId, item) {
      return db.transaction(async (tx) => {
        await assertReferences(tx, fairId, item);
        await promoteSpeakers(tx, fairId, item.speakerIds);
        const row = single(
          await tx
            .insert(agendaItems)
            .values({
              fairId,
              kind: item.kind,
              title: compactText(item.title),
              startsAt: new Date(item.startsAt),
              endsAt: new Date(item.endsAt),
              speakerIds: distinctIds(item.speakerIds),
              ...placeColumns(item.place),
            })
            .returning(),
        );
        return toAgendaItem(row);
      });
    },

    async update(fairId, itemId, patch) {
      if (!isUuid(fairId) || !isUuid(itemId)) return null;
      const changes = {
        ...given({
          kind: patch.kind,
          title: patch.title && compactText(patch.title),
          startsAt: patch.startsAt === undefined ? undefined : new Date(patch.startsAt),
          endsAt: patch.endsAt === undefined ? undefined : new Date(patch.endsAt),
          speakerIds: patch.speakerIds && distinctIds(patch.speakerIds),
        }),
        ...(patch.place && placeColumns(patch.place)),
      };
      return db.transaction(async (tx) => {
        // An item outside the fair is not found, whatever the patch refers to. No lock here:
        // rooms are locked (by the reference check) before the item row, as the room delete does.
        const [existing] = await tx
          .select({ id: agendaItems.id })
          .from(agendaItems)
          .where(itemOfFair(fairId, itemId));
        if (!existing) return null;
        await assertReferences(tx, fairId, patch);
        await promoteSpeakers(tx, fairId, patch.speakerIds);
        const [row] = await tx
          .update(agendaItems)
          .set({ ...changes, updatedAt: sql`now()` })
          .where(itemOfFair(fairId, itemId))
          .returning();
        return row ? toAgendaItem(row) : null;
      });
    },

    async delete(fairId, itemId) {
      if (!isUuid(fairId) || !isUuid(itemId)) return false;
      const deleted = await db
        .delete(agendaItems)
        .where(itemOfFair(fairId, itemId))
        .returning({ id: agendaItems.id });
      return deleted.length > 0;
    },
  };
}
