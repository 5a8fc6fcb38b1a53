/** Test data for presence: people, rooms and diffs built with the protocol's types. */
import type { PersonRef } from './common';
import type {
  LobbyChange,
  PresenceDiff,
  PresenceSnapshot,
  RoomChange,
  RoomOccupancy,
  RoomState,
  TableState,
} from './realtime';

export const ROOM_A = '3b6c2a52-5f0e-4b7e-9d55-0b4a9a1e0a01';
export const ROOM_B = '3b6c2a52-5f0e-4b7e-9d55-0b4a9a1e0a02';
export const TABLE_1 = '8f1d7c0e-2a3b-4c5d-8e9f-1a2b3c4d5e01';
export const TABLE_2 = '8f1d7c0e-2a3b-4c5d-8e9f-1a2b3c4d5e02';
export const ROOM_A_SCOPE = `room:${ROOM_A}` as const;

export const aino: PersonRef = {
  id: '5a0e7d6c-1b2a-4c3d-9e8f-000000000001',
  name: 'Aino Virtanen',
  organisation: 'Helsingin kaupunki',
};
export const omar: PersonRef = {
  id: '5a0e7d6c-1b2a-4c3d-9e8f-000000000002',
  name: 'Omar Hassan',
  organisation: 'Monika-Naiset',
};
export const sara: PersonRef = {
  id: '5a0e7d6c-1b2a-4c3d-9e8f-000000000003',
  name: 'Sara Lindqvist',
  organisation: 'Folkhälsan',
};

export function occupancy(roomId: string, people: PersonRef[]): RoomOccupancy {
  return { roomId, count: people.length, sample: people.slice(0, 5) };
}

export function lobbySnapshot(seq: number, rooms: RoomOccupancy[], stageCount = 0) {
  return {
    scopeKind: 'lobby',
    scope: 'lobby',
    seq,
    state: { rooms, stageCount },
  } satisfies PresenceSnapshot;
}

export function lobbyDiff(
  prevSeq: number,
  seq: number,
  rooms: RoomOccupancy[],
  stageCount = 0,
): PresenceDiff {
  const change: LobbyChange = { kind: 'occupancy', rooms, stageCount };
  return { scopeKind: 'lobby', scope: 'lobby', prevSeq, seq, change };
}

export function table(tableId: string, capacity = 6, rules: Partial<TableState> = {}): TableState {
  return { tableId, capacity, locked: false, closed: false, ...rules };
}

export function roomSnapshot(seq: number, state: Partial<RoomState> = {}) {
  return {
    scopeKind: 'room',
    scope: ROOM_A_SCOPE,
    seq,
    state: { roomId: ROOM_A, members: [], tables: [table(TABLE_1), table(TABLE_2)], ...state },
  } satisfies PresenceSnapshot;
}

export function roomDiff(prevSeq: number, seq: number, change: RoomChange): PresenceDiff {
  return { scopeKind: 'room', scope: ROOM_A_SCOPE, prevSeq, seq, change };
}

export function memberAt(person: PersonRef, tableId: string | null): RoomChange {
  return { kind: 'member', person, present: true, tableId };
}

export function memberLeft(person: PersonRef): RoomChange {
  return { kind: 'member', person, present: false, tableId: null };
}
