import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type {
  AgendaItem,
  Fair,
  Location,
  PersonRef,
  Registration,
  RoomState,
} from '@kohtaamo/protocol';
import { STAFF_ROLES } from '../domain/permissions';
import { personRefOf } from '../domain/people';
import { seatRound, type RoundTable } from '../domain/round-seating';
import type { PersonNotifier } from '../meetings/meeting-service';
import type { Logger } from '../observability/logger';
import type { MoveRefusal, Placement, Presence } from '../presence/types';
import { inBatches } from '../in-batches';
import type { Store } from '../store/types';
import { metPairsOf } from './met-pairs';

/** The part of live presence a round needs: moving people who did not ask, and the rooms. */
export interface RoundLive {
  moveOther(
    fairId: string,
    person: PersonRef,
    to: Location,
  ): Promise<{ ok: true; from: Location } | { ok: false; code: MoveRefusal | 'NOT_PRESENT' }>;
  roomStates(fairId: string): Promise<RoomState[]>;
}

export interface RoundServiceDeps {
  store: Store;
  presence: Pick<Presence, 'whereIs'>;
  live: RoundLive;
  notify: PersonNotifier;
  logger: Logger;
  nowMs: () => number;
  /** Sittings closer together than this are one sitting, as for meetings. */
  reconnectGraceMs: number;
}

export type RoundOutcome =
  | { applied: false; reason: 'not_a_round' | 'already_applied' }
  | { applied: true; seated: number; unseated: number; refused: number; metTogether: number };

/** Pauses before seating a round again after a failure; then the last try's error stands. */
const APPLY_RETRY_DELAYS_MS = [1_000, 3_000] as const;

/** Staff (organisers, facilitators, speakers) run the fair during a round; it never moves them. */
const isStaff = (registration: Registration) => STAFF_ROLES.includes(registration.role);

/** A seed fixed by the round, so a round's seating can be recomputed to explain it. */
function seedOf(itemId: string): number {
  return createHash('sha256').update(itemId).digest().readInt32LE(0);
}

export function createRoundService(deps: RoundServiceDeps) {
  const { store, logger } = deps;

  /** The round's tables with the seats left once the people it does not move are counted. */
  function roundTables(item: AgendaItem, rooms: RoomState[], movers: ReadonlySet<string>) {
    const tables: (RoundTable & { roomId: string })[] = [];
    for (const room of rooms) {
      if (item.place.kind === 'room' && room.roomId !== item.place.roomId) continue;
      for (const table of room.tables) {
        if (table.locked || table.closed) continue;
        const staying = room.members.filter(
          (member) => member.tableId === table.tableId && !movers.has(member.person.id),
        ).length;
        const capacity = table.capacity - staying;
        if (capacity > 0) tables.push({ id: table.tableId, capacity, roomId: room.roomId });
      }
    }
    return tables;
  }

  /** Seats a claimed round (see `roundStarted`). */
  async function apply(fair: Fair, item: AgendaItem): Promise<RoundOutcome> {
    const fairId = fair.id;
    const itemId = item.id;
    const [plan, optedOut, registrations] = await Promise.all([
      store.rounds.plan(fairId, itemId),
      store.rounds.optedOutOf(fairId),
      store.registrations.list(fairId),
    ]);
    const preassigned = new Map(
      (plan?.preassignments ?? []).map((p) => [p.registrationId, p.tableId]),
    );
    const candidates = registrations.filter(
      (registration) =>
        !isStaff(registration) &&
        !optedOut.has(registration.id) &&
        (plan?.mode === 'shuffle' || preassigned.has(registration.id)),
    );
    const placements = await Promise.all(
      candidates.map((registration) => deps.presence.whereIs(fairId, registration.id)),
    );
    const where = new Map<string, Placement>();
    const present = candidates.filter((registration, index) => {
      const placement = placements[index];
      if (placement) where.set(registration.id, placement);
      return placement !== null && placement !== undefined;
    });
    const tables = roundTables(item, await deps.live.roomStates(fairId), new Set(where.keys()));
    const seating = seatRound({
      people: present.map((r) => ({ id: r.id, organisationType: r.profile.organisationType })),
      tables,
      metPairs: await metPairsOf(store, fair, registrations, deps.nowMs(), deps.reconnectGraceMs),
      preassigned,
      seed: seedOf(itemId),
    });

    const roomOfTable = new Map(tables.map((table) => [table.id, table.roomId]));
    const moves = present.flatMap((registration) => {
      const tableId = seating.seats.get(registration.id);
      return tableId ? [{ registration, tableId, roomId: roomOfTable.get(tableId)! }] : [];
    });
    const seatedElsewhere = (id: string, tableId: string) => {
      const location = where.get(id)?.location;
      return location?.kind === 'table' && location.tableId !== tableId;
    };
    // Everyone leaves their old table first, so a seat someone is about to give up is free.
    await inBatches(
      moves.filter((move) => seatedElsewhere(move.registration.id, move.tableId)),
      async ({ registration }) => {
        const location = where.get(registration.id)!.location;
        if (location.kind !== 'table') return;
        await deps.live.moveOther(fairId, personRefOf(registration), {
          kind: 'room',
          roomId: location.roomId,
        });
      },
    );
    let refused = 0;
    await inBatches(moves, async ({ registration, tableId, roomId }) => {
      const moved = await deps.live.moveOther(fairId, personRefOf(registration), {
        kind: 'table',
        roomId,
        tableId,
      });
      if (!moved.ok) {
        refused += 1;
        logger.info({ fairId, itemId, code: moved.code }, 'a round could not seat someone');
        return;
      }
      deps.notify(registration.id, 'round.seated', {
        itemId,
        roomId,
        tableId,
        preassigned: preassigned.get(registration.id) === tableId,
      });
    });
    const outcome = {
      applied: true as const,
      seated: moves.length - refused,
      unseated: seating.unseated.length,
      refused,
      metTogether: seating.score.metTogether,
    };
    logger.info({ fairId, itemId, ...outcome }, 'round seating applied');
    return outcome;
  }

  return {
    /**
     * A networking round began (on every node; the agenda calls this wherever it runs). The
     * first node to claim the round in the store applies its plan; every later call does
     * nothing. Applying: everyone present who is neither staff nor opted out (in `free` mode
     * only those pre-assigned) is seated by `seatRound` at the round's open tables, moved there
     * on whatever node holds their connection and told with `round.seated`.
     */
    async roundStarted(fairId: string, itemId: string): Promise<RoundOutcome> {
      const [fair, agenda] = await Promise.all([
        store.fairs.findById(fairId),
        store.agenda.list(fairId),
      ]);
      const item = agenda.find((candidate) => candidate.id === itemId);
      if (!fair || item?.kind !== 'networking_round')
        return { applied: false, reason: 'not_a_round' };
      if (!(await store.rounds.claim(fairId, itemId, new Date(deps.nowMs())))) {
        return { applied: false, reason: 'already_applied' };
      }
      // The other nodes saw the claim and will not seat the round, so a failure (the store or
      // Redis away for a moment) is tried again here; moves already made are kept.
      for (const delayMs of APPLY_RETRY_DELAYS_MS) {
        try {
          return await apply(fair, item);
        } catch (err) {
          logger.warn({ err, fairId, itemId, retryInMs: delayMs }, 'could not seat a round');
          await sleep(delayMs);
        }
      }
      return apply(fair, item);
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
