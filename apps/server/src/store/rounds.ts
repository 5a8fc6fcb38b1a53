import type { RoundMode, RoundPlan, RoundPreassignment } from '@kohtaamo/protocol';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './db';
import { InvalidReferenceError } from './errors';
import { isUuid } from './mapping';
import { assertRegistrationsOfFair } from './references';
import {
  agendaItems,
  roundClaims,
  roundOptOuts,
  roundPlans,
  roundPreassignments,
  rooms,
  tables,
} from './schema';
import type { RoundRepository } from './types';

/** The networking round `itemId` of the fair and its room (null: the whole fair), or null. */
async function findRound(db: Db, fairId: string, itemId: string, lock: boolean) {
  if (!isUuid(fairId) || !isUuid(itemId)) return null;
  const query = db
    .select({ roomId: agendaItems.roomId })
    .from(agendaItems)
    .where(
      and(
        eq(agendaItems.id, itemId),
        eq(agendaItems.fairId, fairId),
        eq(agendaItems.kind, 'networking_round'),
      ),
    );
  const [row] = lock ? await query.for('share') : await query;
  return row ?? null;
}

/**
 * Refuses tables that are not the round's: in its room, or anywhere in the fair for a round
 * without one. Locks them like the other reference checks, so a delete waits for the write.
 */
async function assertTablesOfRound(
  tx: Db,
  fairId: string,
  roomId: string | null,
  preassignments: readonly RoundPreassignment[],
) {
  const ids = [...new Set(preassignments.map((p) => p.tableId.toLowerCase()))].filter(isUuid);
  const found =
    ids.length === 0
      ? []
      : await tx
          .select({ id: tables.id })
          .from(tables)
          .innerJoin(rooms, eq(rooms.id, tables.roomId))
          .where(
            and(
              eq(rooms.fairId, fairId),
              inArray(tables.id, ids),
              roomId === null ? undefined : eq(tables.roomId, roomId),
            ),
          )
          .for('share', { of: tables });
  const known = new Set(found.map((row) => row.id));
  const index = preassignments.findIndex((p) => !known.has(p.tableId.toLowerCase()));
  if (index >= 0) {
    throw new InvalidReferenceError(
      ['preassignments', index, 'tableId'],
      `Table ${preassignments[index]!.tableId} is not a table of this round`,
    );
  }
}

export function roundRepository(db: Db): RoundRepository {
  async function readPlan(fairId: string, itemId: string): Promise<RoundPlan> {
    const [plan] = await db
      .select({ mode: roundPlans.mode })
      .from(roundPlans)
      .where(and(eq(roundPlans.itemId, itemId), eq(roundPlans.fairId, fairId)));
    const rows = await db
      .select({
        registrationId: roundPreassignments.registrationId,
        tableId: roundPreassignments.tableId,
      })
      .from(roundPreassignments)
      .where(eq(roundPreassignments.itemId, itemId))
      .orderBy(asc(roundPreassignments.registrationId));
    return { itemId, mode: plan?.mode ?? 'free', preassignments: rows };
  }

  return {
    async plan(fairId, itemId) {
      if (!(await findRound(db, fairId, itemId, false))) return null;
      return readPlan(fairId, itemId.toLowerCase());
    },

    async putPlan(fairId, itemId, plan) {
      const saved = await db.transaction(async (tx) => {
        const round = await findRound(tx, fairId, itemId, true);
        if (!round) return false;
        await assertRegistrationsOfFair(
          tx,
          fairId,
          plan.preassignments.map((p) => p.registrationId),
          (i) => ['preassignments', i, 'registrationId'],
        );
        await assertTablesOfRound(tx, fairId, round.roomId, plan.preassignments);
        const mode: RoundMode = plan.mode;
        await tx
          .insert(roundPlans)
          .values({ itemId, fairId, mode })
          .onConflictDoUpdate({ target: roundPlans.itemId, set: { mode, updatedAt: new Date() } });
        await tx.delete(roundPreassignments).where(eq(roundPreassignments.itemId, itemId));
        if (plan.preassignments.length > 0) {
          await tx
            .insert(roundPreassignments)
            .values(plan.preassignments.map((p) => ({ itemId, ...p })));
        }
        return true;
      });
      return saved ? readPlan(fairId, itemId.toLowerCase()) : null;
    },

    async optedOut(fairId, registrationId) {
      if (!isUuid(fairId) || !isUuid(registrationId)) return false;
      const rows = await db
        .select({ id: roundOptOuts.registrationId })
        .from(roundOptOuts)
        .where(
          and(eq(roundOptOuts.fairId, fairId), eq(roundOptOuts.registrationId, registrationId)),
        );
      return rows.length > 0;
    },

    async setOptedOut(fairId, registrationId, optedOut) {
      if (optedOut) {
        await db.insert(roundOptOuts).values({ fairId, registrationId }).onConflictDoNothing();
      } else {
        await db
          .delete(roundOptOuts)
          .where(
            and(eq(roundOptOuts.fairId, fairId), eq(roundOptOuts.registrationId, registrationId)),
          );
      }
    },

    async optedOutOf(fairId) {
      if (!isUuid(fairId)) return new Set();
      const rows = await db
        .select({ id: roundOptOuts.registrationId })
        .from(roundOptOuts)
        .where(eq(roundOptOuts.fairId, fairId));
      return new Set(rows.map((row) => row.id));
    },

    async claim(fairId, itemId, at) {
      if (!isUuid(fairId) || !isUuid(itemId)) return false;
      const rows = await db
        .insert(roundClaims)
        .values({ itemId, fairId, claimedAt: at })
        .onConflictDoNothing()
        .returning({ itemId: roundClaims.itemId });
      return rows.length > 0;
    },
  };
}
