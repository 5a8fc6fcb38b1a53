import { randomUUID } from 'node:crypto';
import type { Location, PersonRef } from '@kohtaamo/protocol';
import { afterEach, beforeEach } from 'vitest';
import type {
  MoveResult,
  Presence,
  PresenceChange,
  PresenceOptions,
  TableRules,
} from '../src/presence/types';

/** A presence adapter under test; `dispose` closes it and throws its state away. */
export interface OpenedPresence {
  presence: Presence;
  dispose(): Promise<void>;
}

export type OpenPresence = (options: PresenceOptions) => Promise<OpenedPresence>;

/** Long enough that nothing expires unless a test moves the clock past it on purpose. */
export const TTL_MS = 10_000;
/** Tests pass time explicitly; this is their "now" unless they move it. */
export const T0_MS = 1_700_000_000_000;

export const OWNER = 'node-a:socket-1';

/** A fresh adapter for every test, so no test sees another's people or sequence numbers. */
export function usePresence(open: OpenPresence): () => Presence {
  let opened: OpenedPresence | undefined;
  beforeEach(async () => {
    opened = await open({ ttlMs: TTL_MS });
  });
  afterEach(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  return () => {
    if (!opened) throw new Error('presence is only open inside a test');
    return opened.presence;
  };
}

let personCount = 0;
export function person(name?: string): PersonRef {
  personCount += 1;
  return {
    id: randomUUID(),
    name: name ?? `Person ${personCount}`,
    organisation: `Organisation ${personCount}`,
  };
}

export function people(count: number): PersonRef[] {
  return Array.from({ length: count }, () => person());
}

export function tableIn(roomId: string, overrides: Partial<TableRules> = {}): TableRules {
  return { tableId: randomUUID(), roomId, capacity: 6, locked: false, closed: false, ...overrides };
}

export const LOBBY: Location = { kind: 'lobby' };
export const STAGE: Location = { kind: 'stage' };
export const inRoom = (roomId: string): Location => ({ kind: 'room', roomId });
export const atTable = (table: TableRules): Location => ({
  kind: 'table',
  roomId: table.roomId,
  tableId: table.tableId,
});

/** One fair with two rooms; room A has tables one and two, room B table three. */
export async function setUpFair(presence: Presence) {
  const fairId = randomUUID();
  const roomA = randomUUID();
  const roomB = randomUUID();
  const tableOne = tableIn(roomA);
  const tableTwo = tableIn(roomA);
  const tableThree = tableIn(roomB);
  await presence.configureTables(fairId, [tableOne, tableTwo, tableThree]);

  async function go(
    who: PersonRef,
    to: Location,
    nowMs = T0_MS,
    owner = OWNER,
  ): Promise<MoveResult> {
    return presence.move({ fairId, person: who, to, owner, now: nowMs });
  }

  /** Moves someone and returns the change, failing the test if the move did not change. */
  async function moved(who: PersonRef, to: Location, nowMs = T0_MS): Promise<PresenceChange> {
    const result = await go(who, to, nowMs);
    if (!result.ok || !result.change)
      throw new Error(`expected a change: ${JSON.stringify(result)}`);
    return result.change;
  }

  /** Everything a client could see of the fair, to compare before and after. */
  async function everything() {
    return {
      lobby: await presence.lobby(fairId, [roomA, roomB]),
      roomA: await presence.room(fairId, roomA),
      roomB: await presence.room(fairId, roomB),
    };
  }

  return { fairId, roomA, roomB, tableOne, tableTwo, tableThree, go, moved, everything };
}
