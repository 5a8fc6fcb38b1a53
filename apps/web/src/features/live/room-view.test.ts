import type { Table } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { aino, omar, ROOM_A, sara, table, TABLE_1, TABLE_2 } from '@kohtaamo/protocol/fixtures';
import { unknownTableIds, standingPeople, tableActionFor, tableViews } from './room-view';

function stored(id: string, name: string, position: number, capacity = 6): Table {
  return { id, roomId: ROOM_A, name, capacity, locked: false, closed: false, position };
}

const storedTables = [stored(TABLE_2, 'Työllistyminen', 2, 4), stored(TABLE_1, 'Asuminen', 1)];

describe('room view', () => {
  it('lists tables in the organiser’s order with who sits there and the free seats', () => {
    const views = tableViews(storedTables, {
      roomId: ROOM_A,
      members: [
        { person: aino, tableId: TABLE_1 },
        { person: omar, tableId: null },
        { person: sara, tableId: TABLE_1 },
      ],
      tables: [table(TABLE_1, 6), table(TABLE_2, 4)],
    });
    expect(views.map((view) => [view.name, view.seated, view.free])).toEqual([
      ['Asuminen', [aino, sara], 4],
      ['Työllistyminen', [], 4],
    ]);
  });

  it('prefers the live rules of a table to the stored ones', () => {
    const [first] = tableViews([stored(TABLE_1, 'Asuminen', 1)], {
      roomId: ROOM_A,
      members: [],
      tables: [table(TABLE_1, 3, { locked: true })],
    });
    expect(first).toMatchObject({ capacity: 3, locked: true, closed: false, free: 3 });
  });

  it('shows the stored tables, empty, before presence has arrived', () => {
    expect(tableViews(storedTables, null).map((view) => view.free)).toEqual([6, 4]);
    expect(standingPeople(null)).toEqual([]);
  });

  it('lists the people standing in the room', () => {
    const state = {
      roomId: ROOM_A,
      members: [
        { person: aino, tableId: TABLE_1 },
        { person: omar, tableId: null },
      ],
      tables: [],
    };
    expect(standingPeople(state)).toEqual([omar]);
  });

  it('notices tables added since the fair was loaded', () => {
    const state = { roomId: ROOM_A, members: [], tables: [table(TABLE_1), table(TABLE_2)] };
    expect(unknownTableIds(storedTables, state)).toEqual([]);
    expect(unknownTableIds([stored(TABLE_1, 'Asuminen', 1)], state)).toEqual([TABLE_2]);
  });
});

describe('table actions', () => {
  const [open] = tableViews([stored(TABLE_1, 'Asuminen', 1, 2)], null);
  if (!open) throw new Error('no table');

  it('offers to sit down, or to move when seated at another table', () => {
    expect(tableActionFor(open, null)).toEqual({ action: 'sit', allowed: true });
    expect(tableActionFor(open, TABLE_2)).toEqual({ action: 'move', allowed: true });
  });

  it('offers to leave the table one sits at, even when it is full or locked', () => {
    const fullAndLocked = { ...open, locked: true, free: 0 };
    expect(tableActionFor(fullAndLocked, TABLE_1)).toEqual({ action: 'leave', allowed: true });
  });

  it('takes nobody new at a full, locked or closed table', () => {
    expect(tableActionFor({ ...open, free: 0 }, null).allowed).toBe(false);
    expect(tableActionFor({ ...open, locked: true }, TABLE_2).allowed).toBe(false);
    expect(tableActionFor({ ...open, closed: true }, null).allowed).toBe(false);
  });
});
