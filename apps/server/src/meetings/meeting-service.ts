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
  type MergedSittings,
  mergeSittings,
  pairOverlaps,
  pairOverlapsAtTables,
  reachesThreshold,
  type TablePairOverlaps,
} from '../domain/meetings';
import { countNewActorsOf, meetingGraph, organisationKey } from '../domain/new-actors';
import { computeReport } from '../domain/report';
import { rankTables } from '../domain/suggestions';
import type { Logger } from '../observability/logger';
import { inBatches } from '../in-batches';
import type { ExchangeRecord, Store, TableMeeting } from '../store/types';
import {
  earlierByPerson,
  exchangedPairs,
  indexFair,
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

/** The stored form of row `row`: how long two people sat together at one table. */
function tableMeeting(
  personIds: readonly string[],
  tableIds: readonly string[],
  atTables: TablePairOverlaps,
  row: number,
): TableMeeting {
  const a = personIds[atTables.a[row]!]!;
  const b = personIds[atTables.b[row]!]!;
  return {
    personA: a < b ? a : b,
    personB: a < b ? b : a,
    tableId: tableIds[atTables.table[row]!]!,
    overlapMs: atTables.overlapMs[row]!,
    firstAt: new Date(atTables.firstAtMs[row]!),
  };
}

/** Everyone whose sitting overlapped the latest sitting of `person` (one table's sittings). */
function satWithLast(sittings: MergedSittings, person: number): Set<number> {
  let mine = -1;
  for (let row = 0; row < sittings.person.length; row += 1) {
    if (sittings.person[row] === person) mine = row;
  }
  const others = new Set<number>();
  if (mine < 0) return others;
  for (let row = 0; row < sittings.person.length; row += 1) {
    const together =
      sittings.startMs[row]! < sittings.endMs[mine]! &&
      sittings.endMs[row]! > sittings.startMs[mine]!;
    if (together && sittings.person[row] !== person) others.add(sittings.person[row]!);
  }
  return others;
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
   * A person's counts of new actors from the stored times at tables and accepted exchanges,
   * with whom they met: what a freed seat announces, at a cost that follows the number of
   * people they met rather than the length of their history.
   */
  async function storedCounts(fair: Fair, me: Registration) {
    const [met, earlier] = await Promise.all([
      store.meetings.acquaintances(fair.id, me.id),
      store.meetings.earlierMeetings(fair.id, [me.accountId]),
    ]);
    const counts = countNewActorsOf(
      meetingPersonOf(me),
      met.map((person) => ({
        accountId: person.accountId,
        organisationKey: organisationKey(person.organisation),
      })),
      earlierByPerson({ registrations: [me] }, earlier).get(0),
    );
    return { counts, met: new Set(met.map((person) => person.registrationId)) };
  }

  /**
   * Recomputes and stores a person's time with everyone at one table, from the intervals there
   * near their own: a freed seat can change nothing else. Answers who sat with them in their
   * latest sitting there.
   */
  async function storeTimeAtTable(fair: Fair, personId: string, tableId: string) {
    const intervals = await store.seatIntervals.listNear(
      fair.id,
      personId,
      deps.reconnectGraceMs,
      tableId,
    );
    const others = new Set(intervals.map((interval) => interval.registrationId));
    others.delete(personId);
    // I am person 0, so my pairs are the rows whose first person is 0.
    const seats = indexSeats([personId, ...others], [], intervals, deps.nowMs());
    const personCount = seats.personIds.length;
    const tableCount = seats.tableIds.length;
    const sittings = mergeSittings(seats.intervals, personCount, tableCount, deps.reconnectGraceMs);
    const atTable = pairOverlapsAtTables(sittings, personCount, tableCount);
    const mine: TableMeeting[] = [];
    for (let row = 0; row < atTable.count; row += 1) {
      if (atTable.a[row] === 0)
        mine.push(tableMeeting(seats.personIds, seats.tableIds, atTable, row));
    }
    await store.meetings.replaceAtTable(fair.id, personId, tableId, mine);
    return [...satWithLast(sittings, 0)].map((person) => seats.personIds[person]!);
  }

  async function announceCounts(fair: Fair, registration: Registration): Promise<void> {
    if (!deps.notify) return;
    const { counts } = await storedCounts(fair, registration);
    deps.notify(registration.id, ServerEvent.meetingsChanged, counts);
  }

  return {
    peopleIMet,

    /**
     * Seats were freed (a burst of them when a round ends or everyone is called to the stage):
     * store each person's time with the others at that table, then tell them, and everyone they
     * met in that sitting, that their lists changed. Every write of the batch is stored before
     * anyone's counts are read, so each person is told once, with all of it.
     */
    async seatsFreed(fairId: string, freed: readonly FreedSeat[]): Promise<void> {
      const fair = await store.fairs.findById(fairId);
      if (!fair || freed.length === 0) return;
      const seats = [
        ...new Map(freed.map((seat) => [`${seat.personId} ${seat.tableId}`, seat])).values(),
      ];
      const satWith = new Map<string, Set<string>>();
      await inBatches(seats, async ({ personId, tableId }) => {
        const tablemates = await storeTimeAtTable(fair, personId, tableId);
        const all = satWith.get(personId) ?? new Set();
        for (const tablemate of tablemates) all.add(tablemate);
        satWith.set(personId, all);
      });
      const { notify } = deps;
      if (!notify) return;
      const freedPeople = await store.registrations.list(fairId, { ids: [...satWith.keys()] });
      const toTell = new Set<string>();
      await inBatches(freedPeople, async (me) => {
        const { counts, met } = await storedCounts(fair, me);
        notify(me.id, ServerEvent.meetingsChanged, counts);
        for (const tablemate of satWith.get(me.id) ?? []) {
          if (met.has(tablemate) && !satWith.has(tablemate)) toTell.add(tablemate);
        }
      });
      const tablemates = await store.registrations.list(fairId, { ids: [...toTell] });
      await inBatches(tablemates, (registration) => announceCounts(fair, registration));
    },

    /** Cards were exchanged: both lists changed. */
    async exchanged(fair: Fair, people: readonly Registration[]): Promise<void> {
      for (const person of people) await announceCounts(fair, person);
    },

    /** Rebuilds a fair's stored times together from all its seat intervals. */
    async rebuild(fair: Fair): Promise<number> {
      const [registrations, rooms, intervals] = await Promise.all([
        store.registrations.list(fair.id),
        store.rooms.listWithTables(fair.id),
        store.seatIntervals.list(fair.id),
      ]);
      const indexed = indexFair(registrations, rooms, intervals, deps.nowMs());
      const personCount = indexed.people.length;
      const tableCount = indexed.tableIds.length;
      const sittings = mergeSittings(
        indexed.intervals,
        personCount,
        tableCount,
        deps.reconnectGraceMs,
      );
      const atTables = pairOverlapsAtTables(sittings, personCount, tableCount);
      const records = Array.from({ length: atTables.count }, (_, row) =>
        tableMeeting(indexed.personIds, indexed.tableIds, atTables, row),
      );
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
