import { ROOM_A, ROOM_B, TABLE_1, TABLE_2 } from '@kohtaamo/protocol/fixtures';
import { describe, expect, it } from 'vitest';
import type { TableView } from '../live/room-view';
import {
  mayModerateRoom,
  mayUseDashboard,
  moveTargets,
  peopleInTableOrder,
  personActions,
  tableRuleChanges,
} from './moderation-rights';

const ME = '5d9c1e2a-0000-4000-8000-000000000001';
const OTHER = '5d9c1e2a-0000-4000-8000-000000000002';
const TABLE_3 = '8f1d7c0e-2a3b-4c5d-8e9f-1a2b3c4d5e03';
const TABLE_4 = '8f1d7c0e-2a3b-4c5d-8e9f-1a2b3c4d5e04';

const roomA = { id: ROOM_A, facilitatorIds: [] };
const viewer = (
  role: 'organiser' | 'facilitator' | 'speaker' | 'participant',
  rooms: string[] = [],
) => ({ id: ME, role, facilitatorRoomIds: rooms }) as const;

function tableView(id: string, rules: Partial<TableView> = {}): TableView {
  return { id, name: id, capacity: 4, locked: false, closed: false, seated: [], free: 4, ...rules };
}

describe('who sees moderation controls', () => {
  it('shows the room panel to organisers everywhere and to facilitators in their own rooms', () => {
    expect(mayModerateRoom(viewer('organiser'), roomA)).toBe(true);
    expect(mayModerateRoom(viewer('facilitator', [ROOM_A]), roomA)).toBe(true);
    expect(mayModerateRoom(viewer('facilitator', [ROOM_B]), roomA)).toBe(false);
    expect(mayModerateRoom(viewer('speaker', [ROOM_A]), roomA)).toBe(false);
    expect(mayModerateRoom(viewer('participant'), roomA)).toBe(false);
  });

  it('also trusts the room’s own list of facilitators', () => {
    expect(mayModerateRoom(viewer('facilitator'), { id: ROOM_A, facilitatorIds: [ME] })).toBe(true);
  });

  it('keeps the dashboard for organisers', () => {
    expect(mayUseDashboard({ role: 'organiser' })).toBe(true);
    expect(mayUseDashboard({ role: 'facilitator' })).toBe(false);
  });
});

describe('actions on a person', () => {
  it('offers muting and taking from the table only for someone seated', () => {
    expect(personActions({ id: OTHER, tableId: TABLE_1 }, ME)).toEqual([
      'muteMicrophone',
      'muteCamera',
      'removeFromTable',
      'removeFromRoom',
    ]);
    expect(personActions({ id: OTHER, tableId: null }, ME)).toEqual(['removeFromRoom']);
  });

  it('offers nothing against oneself', () => {
    expect(personActions({ id: ME, tableId: TABLE_1 }, ME)).toEqual([]);
  });

  it('moves only to another table that takes a newcomer', () => {
    const tables = [
      tableView(TABLE_1),
      tableView(TABLE_2, { locked: true }),
      tableView(TABLE_3, { closed: true }),
      tableView(TABLE_4, { free: 0 }),
    ];
    expect(moveTargets(tables, null).map((table) => table.id)).toEqual([TABLE_1]);
    expect(moveTargets(tables, TABLE_1)).toEqual([]);
  });
});

describe('table switches', () => {
  it('offers the opposite of each rule', () => {
    expect(tableRuleChanges({ locked: false, closed: false })).toEqual(['lock', 'close']);
    expect(tableRuleChanges({ locked: true, closed: true })).toEqual(['unlock', 'open']);
  });
});

describe('the people listed in the panel', () => {
  it('lists seated people in the tables’ order, then those standing, by name within each', () => {
    const member = (name: string, tableId: string | null) => ({
      person: { id: `${name}-id`, name, organisation: '' },
      tableId,
    });
    const listed = peopleInTableOrder(
      [
        member('Sara', null),
        member('Omar', TABLE_2),
        member('Aino', null),
        member('Leila', TABLE_1),
      ],
      [tableView(TABLE_1), tableView(TABLE_2)],
    );
    expect(listed.map((entry) => entry.person.name)).toEqual(['Leila', 'Omar', 'Aino', 'Sara']);
  });
});
