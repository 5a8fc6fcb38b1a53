import type { Room, Table } from '@kohtaamo/protocol';
import {
  aino,
  lobbySnapshot,
  occupancy,
  omar,
  ROOM_A,
  ROOM_B,
  roomSnapshot,
  sara,
  table,
  TABLE_1,
  TABLE_2,
} from '@kohtaamo/protocol/fixtures';
import { describe, expect, it } from 'vitest';
import { EMPTY_OCCUPANCY, heatLevel, mergeSnapshots, occupancyView } from './occupancy';

const FAIR_ID = '0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a00';

function storedTable(id: string, roomId: string, name: string, capacity: number): Table {
  return { id, roomId, name, capacity, locked: false, closed: false, position: 0 };
}

function room(id: string, name: string, position: number, tables: Table[]): Room {
  return {
    id,
    fairId: FAIR_ID,
    names: { en: name, fi: `${name} (fi)` },
    description: {},
    position,
    facilitatorIds: [],
    tables,
  };
}

const housing = room(ROOM_A, 'Housing', 1, [
  storedTable(TABLE_1, ROOM_A, 'Table 1', 4),
  storedTable(TABLE_2, ROOM_A, 'Table 2', 2),
]);
const work = room(ROOM_B, 'Work', 0, []);

describe('heat level', () => {
  it('keeps empty and full apart from everything in between', () => {
    expect(heatLevel(0, 6)).toBe(0);
    expect(heatLevel(1, 6)).toBe(1);
    expect(heatLevel(5, 6)).toBe(3);
    expect(heatLevel(6, 6)).toBe(4);
  });

  it('grows by thirds of the seats taken', () => {
    const levels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((count) => heatLevel(count, 10));
    expect(levels).toEqual([0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4]);
  });

  it('counts more people than seats as full, and anyone where there are no seats as full', () => {
    expect(heatLevel(8, 6)).toBe(4);
    expect(heatLevel(2, 0)).toBe(4);
    expect(heatLevel(0, 0)).toBe(0);
  });
});

describe('occupancy view', () => {
  it('shows who sits at each table of a room, rooms in the organiser’s order', () => {
    const states = new Map([
      [
        ROOM_A,
        {
          roomId: ROOM_A,
          members: [
            { person: aino, tableId: TABLE_1 },
            { person: omar, tableId: TABLE_2 },
            { person: sara, tableId: TABLE_2 },
          ],
          tables: [table(TABLE_1, 4), table(TABLE_2, 2)],
        },
      ],
    ]);
    const view = occupancyView([housing, work], null, states, 'en');
    expect(view.rooms.map((heat) => heat.name)).toEqual(['Work', 'Housing']);
    const housingHeat = view.rooms[1];
    expect(housingHeat?.tables.map((t) => [t.name, t.seated, t.capacity, t.level])).toEqual([
      ['Table 1', 1, 4, 1],
      ['Table 2', 2, 2, 4],
    ]);
    expect(housingHeat).toMatchObject({ count: 3, standing: 0, seats: 6, level: 2 });
  });

  it('falls back to the lobby’s count for a room whose snapshot has not arrived', () => {
    const lobby = { rooms: [occupancy(ROOM_A, [aino, omar])], stageCount: 7 };
    const view = occupancyView([housing], lobby, new Map(), 'en');
    expect(view.rooms[0]).toMatchObject({ count: 2, pending: true });
    expect(view.rooms[0]?.tables.every((heat) => heat.seated === 0)).toBe(true);
    expect(view).toMatchObject({ inRooms: 2, stageCount: 7 });
  });

  it('counts people standing, and measures a room against its open tables only', () => {
    const states = new Map([
      [
        ROOM_A,
        {
          roomId: ROOM_A,
          members: [
            { person: aino, tableId: null },
            { person: omar, tableId: TABLE_1 },
          ],
          tables: [table(TABLE_1, 4), table(TABLE_2, 2, { closed: true })],
        },
      ],
    ]);
    const [heat] = occupancyView([housing], null, states, 'en').rooms;
    expect(heat).toMatchObject({ count: 2, standing: 1, seats: 4, level: 2, pending: false });
    expect(heat?.tables[1]).toMatchObject({ closed: true, level: 0 });
  });

  it('names rooms in the UI language', () => {
    expect(occupancyView([work], null, new Map(), 'fi').rooms[0]?.name).toBe('Work (fi)');
  });
});

describe('merging snapshots', () => {
  const housingState = (people: number) => ({
    roomId: ROOM_A,
    members: [aino, omar, sara].slice(0, people).map((person) => ({ person, tableId: null })),
    tables: [],
  });

  it('takes the newest state of every scope that answered', () => {
    const merged = mergeSnapshots(
      EMPTY_OCCUPANCY,
      [
        { ok: true, data: lobbySnapshot(4, [occupancy(ROOM_A, [aino])], 3) },
        { ok: true, data: roomSnapshot(5, housingState(1)) },
      ],
      1_000,
    );
    expect(merged).toMatchObject({ lobby: { stageCount: 3 }, fetchedAtMs: 1_000, failed: false });
    expect(merged.rooms.get(ROOM_A)?.members).toHaveLength(1);
  });

  it('keeps the last state of a scope whose snapshot failed, and says some failed', () => {
    const before = mergeSnapshots(
      EMPTY_OCCUPANCY,
      [{ ok: true, data: roomSnapshot(5, housingState(2)) }],
      1_000,
    );
    const after = mergeSnapshots(
      before,
      [{ ok: false, error: { code: 'TIMEOUT', message: 'No answer' } }],
      6_000,
    );
    expect(after.rooms.get(ROOM_A)?.members).toHaveLength(2);
    expect(after).toMatchObject({ failed: true, fetchedAtMs: 6_000 });
  });
});
