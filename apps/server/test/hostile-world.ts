import { afterAll, beforeAll } from 'vitest';
import type { Presence } from '../src/presence/types';
import type { Store } from '../src/store/types';
import {
  createPerson,
  type LiveNode,
  signInAs,
  startLiveNode,
  type TestPerson,
} from './live-harness';
import { presenceBackends } from './presence-backends';
import { type OpenedStore, storeBackends } from './store-backends';
import { agendaItem, createFair, createRoom } from './store-fixtures';
import { everyRow, presenceState } from './world-state';

/** Everyone the hostile-input and authorisation suites act as. */
export const WORLD_ROLES = [
  'anonymous',
  'participant of another fair',
  'participant',
  'speaker',
  'facilitator of another room',
  'facilitator',
  'organiser',
] as const;
export type WorldRole = (typeof WORLD_ROLES)[number];
/** The roles registered for the fair: everyone but the two outsiders. */
export const REGISTERED_ROLES: readonly WorldRole[] = WORLD_ROLES.filter(
  (role) => role !== 'anonymous' && role !== 'participant of another fair',
);

/**
 * Fair A: room A (tables A1, A2) and room B (table B1); its organiser, a facilitator of room
 * A, a facilitator of room B, a speaker and two participants (`target` is the one others act
 * on). Fair B: one room and table, and a participant of it. Every person has a session cookie.
 */
export interface HostileWorld {
  store: Store;
  presence: Presence;
  node: LiveNode;
  fairId: string;
  roomA: string;
  roomB: string;
  tableA1: string;
  tableA2: string;
  tableB1: string;
  otherFairId: string;
  otherRoom: string;
  otherTable: string;
  /** A networking round of fair B, whose seating plan could name fair A's people. */
  otherRoundItem: string;
  /** Fair B's organiser: everything fair B's routes allow, nothing of fair A. */
  otherOrganiser: TestPerson;
  /** A networking round of fair A. */
  roundItem: string;
  people: Record<Exclude<WorldRole, 'anonymous'>, TestPerson>;
  target: TestPerson;
  /** Every id above, for fuzzers that want values pointing at real things. */
  ids: string[];
  /** The store's rows and presence of both fairs, to compare before and after. */
  state(): Promise<WorldState>;
  /**
   * The state once background writes have landed: freeing a seat updates the pair totals of
   * meetings about 100 ms later, so a snapshot taken at once could change under a refused call.
   */
  settledState(): Promise<WorldState>;
}

export interface WorldState {
  rows: Record<string, string[]>;
  presence: unknown;
}

/** The world, built before the suite on the last store backend (PostgreSQL when there is one). */
export function useHostileWorld(): HostileWorld {
  const world = {} as HostileWorld;
  let opened: OpenedStore | undefined;
  const backend = storeBackends.at(-1);
  const memory = presenceBackends.find((candidate) => candidate.name === 'memory');
  if (!backend || !memory) throw new Error('PGlite and memory presence are always there');

  beforeAll(async () => {
    opened = await backend.open();
    const { store } = opened;
    const presence = (await memory.open({ ttlMs: 15_000 })).presence;
    const node = await startLiveNode(store, presence);
    const fair = await createFair(store);
    const fairId = fair.fair.id;
    const [roomA, roomB] = [
      await createRoom(store, fairId, 'A'),
      await createRoom(store, fairId, 'B'),
    ];
    const table = async (roomId: string, name: string) => {
      const created = await store.tables.create(fairId, roomId, { name, capacity: 6 });
      if (!created) throw new Error('table not created');
      return created.id;
    };
    const other = await createFair(store);
    const otherRoom = await createRoom(store, other.fair.id, 'Muu');
    const otherTable = await store.tables.create(other.fair.id, otherRoom.id, {
      name: 'M1',
      capacity: 6,
    });
    if (!otherTable) throw new Error('table not created');
    const round = { kind: 'networking_round', place: { kind: 'room', roomId: roomA.id } } as const;
    const otherRound = { ...round, place: { kind: 'room', roomId: otherRoom.id } } as const;
    Object.assign(world, {
      roundItem: (await store.agenda.create(fairId, agendaItem(round))).id,
      otherRoundItem: (await store.agenda.create(other.fair.id, agendaItem(otherRound))).id,
      otherOrganiser: {
        registrationId: other.organiser.id,
        cookie: await signInAs(store, other.organiserAccount.id),
      },
      store,
      presence,
      node,
      fairId,
      roomA: roomA.id,
      roomB: roomB.id,
      tableA1: await table(roomA.id, 'A1'),
      tableA2: await table(roomA.id, 'A2'),
      tableB1: await table(roomB.id, 'B1'),
      otherFairId: other.fair.id,
      otherRoom: otherRoom.id,
      otherTable: otherTable.id,
      people: {
        'participant of another fair': await createPerson(store, other.fair.id, 'Ulla'),
        participant: await createPerson(store, fairId, 'Pekka'),
        speaker: await createPerson(store, fairId, 'Sanni', { role: 'speaker' }),
        'facilitator of another room': await createPerson(store, fairId, 'Frans', {
          role: 'facilitator',
          roomIds: [roomB.id],
        }),
        facilitator: await createPerson(store, fairId, 'Fanni', {
          role: 'facilitator',
          roomIds: [roomA.id],
        }),
        organiser: {
          registrationId: fair.organiser.id,
          cookie: await signInAs(store, fair.organiserAccount.id),
        },
      },
      target: await createPerson(store, fairId, 'Tuomas', { organisation: 'Kemin kaupunki' }),
    } satisfies Omit<HostileWorld, 'ids' | 'state' | 'settledState'>);
    world.ids = [
      fairId,
      world.roundItem,
      world.otherRoundItem,
      world.roomA,
      world.roomB,
      world.tableA1,
      world.tableA2,
      world.tableB1,
      world.otherFairId,
      world.otherRoom,
      world.otherTable,
      world.target.registrationId,
      ...Object.values(world.people).map((person) => person.registrationId),
    ];
    world.state = async () => ({
      rows: await everyRow(opened?.query ?? (() => Promise.resolve([]))),
      presence: await presenceState(store, presence, [fairId, other.fair.id]),
    });
  });

  world.settledState = async () => {
    await world.node.realtime.flushMeetingUpdates();
    return world.state();
  };

  afterAll(async () => {
    await world.node?.stop();
    await opened?.dispose();
  });
  return world;
}
