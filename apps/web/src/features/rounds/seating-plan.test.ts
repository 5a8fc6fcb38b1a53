import type { AgendaItem, Registration, Room } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  overfullTables,
  planBodyOf,
  planFormOf,
  roundTablesOf,
  seatablePeople,
} from './seating-plan';

const FAIR = '0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a00';
const [ROOM_A, ROOM_B] = [
  'a0000000-0000-4000-8000-000000000001',
  'a0000000-0000-4000-8000-000000000002',
];
const [T1, T2, T3] = [1, 2, 3].map((n) => `b0000000-0000-4000-8000-00000000000${n}`) as [
  string,
  string,
  string,
];

const table = (id: string, roomId: string, name: string, capacity = 2) => ({
  id,
  roomId,
  name,
  capacity,
  locked: false,
  closed: false,
  position: 0,
});
const rooms: Room[] = [
  {
    id: ROOM_A,
    fairId: FAIR,
    names: { fi: 'Asuminen', en: 'Housing' },
    description: {},
    position: 0,
    facilitatorIds: [],
    tables: [table(T1, ROOM_A, 'Table 1'), table(T2, ROOM_A, 'Table 2')],
  },
  {
    id: ROOM_B,
    fairId: FAIR,
    names: { fi: 'Työ', en: 'Work' },
    description: {},
    position: 1,
    facilitatorIds: [],
    tables: [table(T3, ROOM_B, 'Table 1')],
  },
];
const round = (place: AgendaItem['place']): AgendaItem => ({
  id: 'c0000000-0000-4000-8000-000000000001',
  fairId: FAIR,
  kind: 'networking_round',
  title: { en: 'Round 1' },
  startsAt: '2026-03-10T10:00:00.000Z',
  endsAt: '2026-03-10T10:30:00.000Z',
  speakerIds: [],
  place,
});

describe('seating plan form', () => {
  it('round-trips a stored plan and leaves out people without a table', () => {
    const form = planFormOf({
      itemId: round({ kind: 'stage' }).id,
      mode: 'shuffle',
      preassignments: [{ registrationId: 'p1', tableId: T1 }],
    });
    expect(form).toEqual({ mode: 'shuffle', tableOf: { p1: T1 } });
    expect(planBodyOf({ ...form, tableOf: { p1: T1, p2: '' } })).toEqual({
      mode: 'shuffle',
      preassignments: [{ registrationId: 'p1', tableId: T1 }],
    });
  });

  it("offers the tables of the round's room, or of every room for a round on the stage", () => {
    const inRoom = roundTablesOf(round({ kind: 'room', roomId: ROOM_A }), rooms, 'en');
    expect(inRoom.map((t) => t.label)).toEqual(['Housing · Table 1', 'Housing · Table 2']);
    const everywhere = roundTablesOf(round({ kind: 'stage' }), rooms, 'fi');
    expect(everywhere.map((t) => t.label)).toEqual([
      'Asuminen · Table 1',
      'Asuminen · Table 2',
      'Työ · Table 1',
    ]);
  });

  it('warns of a table given more people than it seats', () => {
    const tables = roundTablesOf(round({ kind: 'stage' }), rooms, 'en');
    const form = { mode: 'free' as const, tableOf: { p1: T1, p2: T1, p3: T1, p4: T2, p5: '' } };
    expect(overfullTables(form, tables).map((t) => t.tableId)).toEqual([T1]);
  });

  it('lists only participants, by name: staff are never moved by a round', () => {
    const person = (id: string, name: string, role: Registration['role']): Registration => ({
      id,
      fairId: FAIR,
      accountId: id,
      role,
      facilitatorRoomIds: [],
      consentedAt: null,
      createdAt: '2026-03-01T10:00:00.000Z',
      profile: {
        displayName: name,
        organisation: 'Org',
        organisationType: 'ngo',
        title: '',
        languages: [],
        themes: [],
      },
    });
    const people = [
      person('1', 'Ville', 'participant'),
      person('2', 'Olli', 'organiser'),
      person('3', 'Aino', 'participant'),
      person('4', 'Fanni', 'facilitator'),
    ];
    expect(seatablePeople(people).map((p) => p.profile.displayName)).toEqual(['Aino', 'Ville']);
  });
});
