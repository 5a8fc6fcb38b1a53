import type {
  Fair,
  FairReport,
  MetExchangeState,
  MetPerson,
  PeopleIMetResponse,
  Registration,
  RoomState,
  ServerEvents,
  SuggestionsResponse,
} from '@kohtaamo/protocol';
import { ServerEvent } from '@kohtaamo/protocol';
import {
  mergeSittings,
  type PairOverlaps,
  pairOverlaps,
  reachesThreshold,
} from '../domain/meetings';
import {
  countNewActorsOf,
  type MeetingGraph,
  meetingGraph,
  organisationKey,
} from '../domain/new-actors';
import { computeReport } from '../domain/report';
import { rankTables } from '../domain/suggestions';
import type { Logger } from '../observability/logger';
import { inBatches } from '../in-batches';
import type { ExchangeRecord, MeetingRecord, Store } from '../store/types';
import {
  earlierByPerson,
  exchangedPairs,
  indexFair,
  type IndexedSeats,
  indexSeats,
  meetingPersonOf,
} from './fair-data';

/** A seat someone left, whose interval is stored. */
export interface FreedSeat {
  personId: string;
  tableId: string;
}

/** Sends a server event to one person's own connections, on whichever node they are. */
export type PersonNotifier = <E extends keyof ServerEvents>(
  personId: string,
  event: E,
  ...args: Parameters<ServerEvents[E]>
) => void;

export interface MeetingServiceDeps {
  store: Store;
  logger: Logger;
  nowMs: () => number;
  /** Sittings closer together than this are one sitting (the server's reconnect window). */
  reconnectGraceMs: number;
  notify?: PersonNotifier;
}

function exchangeStateWith(
  me: string,
  other: string,
  exchanges: readonly ExchangeRecord[],
  blocked: ReadonlySet<string>,
): MetExchangeState {
  const between = exchanges.filter(
    (row) => (row.fromId === other && row.toId === me) || (row.fromId === me && row.toId === other),
  );
  if (between.some((row) => row.status === 'accepted')) return 'contacts';
  if (blocked.has(other)) return 'blocked';
  const pending = between.find((row) => row.status === 'pending');
  if (pending) return pending.fromId === me ? 'asked_by_me' : 'asked_me';
  if (between.some((row) => row.fromId === me && row.status === 'declined')) return 'declined';
  return 'none';
}

function hasMet(graph: MeetingGraph, person: number, other: number): boolean {
  const { offsets, partner } = graph;
  for (let k = offsets[person]!; k < offsets[person + 1]!; k += 1) {
    if (partner[k] === other) return true;
  }
  return false;
}

/**
 * Meetings as people see them: computed from the seat intervals with the domain functions,
 * stored per pair for later fairs, and announced when a freed seat changes someone's list.
 */
export function createMeetingService(deps: MeetingServiceDeps) {
  const { store } = deps;

  /**
   * The person's view: only the intervals that overlap their own sittings can hold anyone they
   * met by sitting, and whom they met is worked out on registration ids alone; only the people
   * they met are then loaded. Its cost follows the person's own history and acquaintances rather
   * than the fair's, however many sat at those tables since.
   */
  async function personView(fair: Fair, me: Registration) {
    const [rooms, intervals, exchanges, blocked, earlier] = await Promise.all([
      store.rooms.listWithTables(fair.id),
      store.seatIntervals.listNear(fair.id, me.id, deps.reconnectGraceMs),
      store.exchanges.listFor(fair.id, me.id),
      store.exchanges.blockedBy(fair.id, me.id),
      store.meetings.earlierMeetings(fair.id, [me.accountId]),
    ]);
    const involved = new Set([me.id]);
    for (const interval of intervals) involved.add(interval.registrationId);
    for (const exchange of exchanges) involved.add(exchange.fromId).add(exchange.toId);
    const seats = indexSeats([...involved], rooms, intervals, deps.nowMs());
    // I was added to `involved` first.
    const myIndex = 0;
    const personCount = seats.personIds.length;
    const sittings = mergeSittings(
      seats.intervals,
      personCount,
      seats.tableIds.length,
      deps.reconnectGraceMs,
    );
    const pairs = pairOverlaps(sittings, personCount, seats.tableIds.length);
    const accepted = exchanges
      .filter((row) => row.status === 'accepted')
      .map((row): [string, string] => [row.fromId, row.toId]);
    const graph = meetingGraph(
      personCount,
      pairs,
      fair.meetingThresholdSeconds,
      exchangedPairs(seats, accepted),
    );
    const partners = graph.partner.subarray(graph.offsets[myIndex], graph.offsets[myIndex + 1]);
    const met = await store.registrations.list(fair.id, {
      ids: [...partners].map((partner) => seats.personIds[partner]!),
    });
    const registrationOf = new Map(met.map((registration) => [registration.id, registration]));
    registrationOf.set(me.id, me);
    const earlierMet = earlierByPerson({ registrations: [me] }, earlier).get(0);
    const counts = countNewActorsOf(meetingPersonOf(me), met.map(meetingPersonOf), earlierMet);
    return {
      seats,
      myIndex,
      pairs,
      graph,
      counts,
      earlierMet,
      /** The registration of me and of everyone I met, by person index. */
      registration: (person: number) => registrationOf.get(seats.personIds[person]!),
      exchanges,
      blocked: new Set(blocked),
    };
  }

  type PersonView = Awaited<ReturnType<typeof personView>>;

  async function peopleIMet(fair: Fair, me: Registration): Promise<PeopleIMetResponse> {
    return peopleInView(fair, me, await personView(fair, me));
  }

  function peopleInView(fair: Fair, me: Registration, view: PersonView): PeopleIMetResponse {
    const { seats, pairs, graph, myIndex } = view;
    const earlierAccounts = view.earlierMet?.accounts;
    const people: MetPerson[] = [];
    for (let k = graph.offsets[myIndex]!; k < graph.offsets[myIndex + 1]!; k += 1) {
      const other = view.registration(graph.partner[k]!);
      if (!other) continue;
      const row = graph.pairRow[k]!;
      const tableIndex = row >= 0 ? pairs.firstTable[row]! : -1;
      const roomIndex = tableIndex >= 0 ? seats.tableRoom[tableIndex]! : -1;
      const room = roomIndex >= 0 ? seats.rooms[roomIndex] : undefined;
      const tableId = tableIndex >= 0 ? seats.tableIds[tableIndex]! : null;
      const acceptedAt = view.exchanges.find(
        (exchange) =>
          exchange.status === 'accepted' && [exchange.fromId, exchange.toId].includes(other.id),
      )?.answeredAt;
      const firstMetMs =
        row >= 0 && reachesThreshold(pairs.overlapMs[row]!, fair.meetingThresholdSeconds)
          ? pairs.firstAtMs[row]!
          : (acceptedAt?.getTime() ?? deps.nowMs());
      people.push({
        person: {
          id: other.id,
          name: other.profile.displayName,
          organisation: other.profile.organisation,
          organisationType: other.profile.organisationType,
        },
        tableId,
        tableName: room?.tables.find((table) => table.id === tableId)?.name ?? null,
        roomId: room?.id ?? null,
        themeNames: room?.names ?? {},
        metSeconds: row >= 0 ? Math.floor(pairs.overlapMs[row]! / 1000) : 0,
        firstMetAt: new Date(firstMetMs).toISOString(),
        isNew: !earlierAccounts?.has(other.accountId),
        exchange: exchangeStateWith(me.id, other.id, view.exchanges, view.blocked),
      });
    }
    people.sort((x, y) => y.firstMetAt.localeCompare(x.firstMetAt));
    return {
      ...view.counts,
      people,
    };
  }

  /**
   * Pair totals as the store keeps them; `only` limits them to one person's pairs with the
   * people given.
   */
  function meetingRecords(
    seats: IndexedSeats,
    pairs: PairOverlaps,
    only?: { person: number; with: ReadonlySet<number> },
  ) {
    const records: MeetingRecord[] = [];
    for (let row = 0; row < pairs.count; row += 1) {
      if (only) {
        const { person } = only;
        if (pairs.a[row] !== person && pairs.b[row] !== person) continue;
        if (!only.with.has(pairs.a[row] === person ? pairs.b[row]! : pairs.a[row]!)) continue;
      }
      const a = seats.personIds[pairs.a[row]!]!;
      const b = seats.personIds[pairs.b[row]!]!;
      records.push({
        personA: a < b ? a : b,
        personB: a < b ? b : a,
        overlapSeconds: Math.floor(pairs.overlapMs[row]! / 1000),
        firstTableId: seats.tableIds[pairs.firstTable[row]!]!,
        firstAt: new Date(pairs.firstAtMs[row]!),
      });
    }
    return records;
  }

  function announceView(me: Registration, view: PersonView): void {
    deps.notify?.(me.id, ServerEvent.meetingsChanged, view.counts);
  }

  /**
   * Everyone with a loaded interval at these tables: the only pairs whose totals freeing my seats
   * there can change, since a freed seat ends (and may join to an earlier) sitting at its table
   * alone. Writing only these keeps the write to a table's people, not to everyone ever met.
   */
  function peopleAt(view: PersonView, myIndex: number, tableIds: ReadonlySet<string>) {
    const { intervals, tableIndex } = view.seats;
    const tables = new Set([...tableIds].map((tableId) => tableIndex.get(tableId)));
    const people = new Set<number>();
    for (let row = 0; row < intervals.person.length; row += 1) {
      if (intervals.person[row] !== myIndex && tables.has(intervals.table[row])) {
        people.add(intervals.person[row]!);
      }
    }
    return people;
  }

  /** Whom my latest sitting at the table made me meet: only their lists can have changed. */
  function metThisSitting(view: PersonView, myIndex: number, tableId: string): Set<number> {
    const { intervals } = view.seats;
    const table = view.seats.tableIndex.get(tableId);
    let lastStart = -Infinity;
    let lastEnd = -Infinity;
    for (let row = 0; row < intervals.person.length; row += 1) {
      if (intervals.person[row] !== myIndex || intervals.table[row] !== table) continue;
      if (intervals.startMs[row]! > lastStart) {
        lastStart = intervals.startMs[row]!;
        lastEnd = intervals.endMs[row]!;
      }
    }
    const met = new Set<number>();
    for (let row = 0; row < intervals.person.length; row += 1) {
      const other = intervals.person[row]!;
      if (intervals.table[row] !== table || other === myIndex) continue;
      const together = intervals.startMs[row]! < lastEnd && intervals.endMs[row]! > lastStart;
      if (together && hasMet(view.graph, myIndex, other)) met.add(other);
    }
    return met;
  }

  async function announceCounts(fair: Fair, registration: Registration): Promise<void> {
    if (deps.notify) announceView(registration, await personView(fair, registration));
  }

  return {
    peopleIMet,

    /**
     * Seats were freed (a burst of them when a round ends or everyone is called to the stage):
     * store each person's pair totals, then tell them and everyone who sat with them at that
     * table during that sitting that their lists changed. Each person's view is built once per
     * batch, however many of their tablemates left in it: a table of six leaving together costs
     * six views, not thirty-six.
     */
    async seatsFreed(fairId: string, freed: readonly FreedSeat[]): Promise<void> {
      const fair = await store.fairs.findById(fairId);
      if (!fair || freed.length === 0) return;
      const freedPeople = new Set(freed.map((seat) => seat.personId));
      const tablemates = new Map<string, Registration>();
      const people = await store.registrations.list(fairId, { ids: [...freedPeople] });
      await inBatches(people, async (me) => {
        const personId = me.id;
        const view = await personView(fair, me);
        const { myIndex } = view;
        const mySeats = freed.filter((seat) => seat.personId === personId);
        const touched = peopleAt(view, myIndex, new Set(mySeats.map((seat) => seat.tableId)));
        await store.meetings.upsert(
          fairId,
          meetingRecords(view.seats, view.pairs, { person: myIndex, with: touched }),
        );
        for (const seat of mySeats) {
          for (const other of metThisSitting(view, myIndex, seat.tableId)) {
            const registration = view.registration(other);
            if (registration && !freedPeople.has(registration.id)) {
              tablemates.set(registration.id, registration);
            }
          }
        }
        announceView(me, view);
      });
      await inBatches([...tablemates.values()], (registration) =>
        announceCounts(fair, registration),
      );
    },

    /** Cards were exchanged: both lists changed. */
    async exchanged(fair: Fair, people: readonly Registration[]): Promise<void> {
      for (const person of people) await announceCounts(fair, person);
    },

    /** Rebuilds a fair's stored pair totals from all its seat intervals. */
    async rebuild(fair: Fair): Promise<number> {
      const [registrations, rooms, intervals] = await Promise.all([
        store.registrations.list(fair.id),
        store.rooms.listWithTables(fair.id),
        store.seatIntervals.list(fair.id),
      ]);
      const indexed = indexFair(registrations, rooms, intervals, deps.nowMs());
      const sittings = mergeSittings(
        indexed.intervals,
        indexed.people.length,
        indexed.tableIds.length,
        deps.reconnectGraceMs,
      );
      const pairs = pairOverlaps(sittings, indexed.people.length, indexed.tableIds.length);
      const records = meetingRecords(indexed, pairs);
      await store.meetings.replaceForFair(fair.id, records);
      return records.length;
    },

    async report(fair: Fair): Promise<FairReport> {
      const [registrations, rooms, intervals, accepted, earlier] = await Promise.all([
        store.registrations.list(fair.id),
        store.rooms.listWithTables(fair.id),
        store.seatIntervals.list(fair.id),
        store.exchanges.acceptedPairs(fair.id),
        store.meetings.earlierMeetings(fair.id),
      ]);
      const nowMs = deps.nowMs();
      const indexed = indexFair(registrations, rooms, intervals, nowMs);
      return computeReport({
        fairId: fair.id,
        generatedAt: new Date(nowMs),
        thresholdSeconds: fair.meetingThresholdSeconds,
        graceMs: deps.reconnectGraceMs,
        people: indexed.people,
        rooms: rooms.map((room) => ({ roomId: room.id, names: room.names })),
        tableRoom: indexed.tableRoom,
        intervals: indexed.intervals,
        exchanged: exchangedPairs(indexed, accepted),
        earlier: earlierByPerson(indexed, earlier),
      });
    },

    /** Tables with free seats where organisations I have not met sit, from live room states. */
    async suggestions(
      fair: Fair,
      me: Registration,
      roomStates: readonly RoomState[],
    ): Promise<SuggestionsResponse> {
      const met = await peopleIMet(fair, me);
      const [rooms, earlier] = await Promise.all([
        store.rooms.listWithTables(fair.id),
        store.meetings.earlierMeetings(fair.id, [me.accountId]),
      ]);
      const metOrganisations = new Set([
        ...met.people.map((person) => organisationKey(person.person.organisation)),
        ...earlier.map((meeting) => organisationKey(meeting.metOrganisation)),
      ]);
      const registrations = new Map(
        (await store.registrations.list(fair.id)).map((registration) => [
          registration.id,
          registration,
        ]),
      );
      const candidates = roomStates.flatMap((state) =>
        state.tables.map((table) => ({
          ...table,
          roomId: state.roomId,
          seated: state.members
            .filter((member) => member.tableId === table.tableId)
            .map((member) => member.person),
        })),
      );
      const ranked = rankTables(
        { id: me.id, organisation: me.profile.organisation, themes: me.profile.themes },
        metOrganisations,
        candidates,
      );
      return {
        suggestions: ranked.flatMap((suggestion) => {
          const room = rooms.find((candidate) =>
            candidate.tables.some((table) => table.id === suggestion.tableId),
          );
          const table = room?.tables.find((candidate) => candidate.id === suggestion.tableId);
          if (!room || !table) return [];
          const seated = candidates.find((candidate) => candidate.tableId === table.id)?.seated;
          return [
            {
              ...suggestion,
              tableName: table.name,
              roomId: room.id,
              roomNames: room.names,
              seated: (seated ?? []).flatMap((person) => {
                const registration = registrations.get(person.id);
                return registration
                  ? [
                      {
                        id: person.id,
                        name: registration.profile.displayName,
                        organisation: registration.profile.organisation,
                        organisationType: registration.profile.organisationType,
                      },
                    ]
                  : [];
              }),
            },
          ];
        }),
      };
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
