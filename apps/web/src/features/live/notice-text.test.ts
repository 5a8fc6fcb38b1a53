import { createInstance } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { fairNames, type FairNames } from './fair-names';
import { noticeText } from './notice-text';
import { ROOM_A, TABLE_1, TABLE_2 } from '@kohtaamo/protocol/fixtures';

const FAIR_ID = '0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a00';

const i18n = createInstance();
let names: FairNames;

beforeAll(async () => {
  await i18n.init({ lng: 'en', resources: { en: { translation: en } } });
  const room = {
    id: ROOM_A,
    fairId: FAIR_ID,
    names: { fi: 'Asuminen', en: 'Housing' },
    description: {},
    position: 0,
    facilitatorIds: [],
    tables: [
      {
        id: TABLE_1,
        roomId: ROOM_A,
        name: 'Table 1',
        capacity: 6,
        locked: false,
        closed: false,
        position: 0,
      },
    ],
  };
  names = fairNames([room], 'en');
});

const text = (notice: Parameters<typeof noticeText>[0]) => noticeText(notice, names, i18n.t);

describe('notice text', () => {
  it('explains a refused seat', () => {
    expect(text({ kind: 'error', code: 'TABLE_FULL' })).toBe(
      'That table is full. Choose another table.',
    );
  });

  it('confirms a table action with the table’s name', () => {
    expect(text({ kind: 'done', action: 'sit', roomId: ROOM_A, tableId: TABLE_1 })).toBe(
      'You sat down at Table 1.',
    );
  });

  it('tells a person who lost their seat that they are standing in the room', () => {
    const location = { kind: 'room', roomId: ROOM_A } as const;
    const previous = { kind: 'table', roomId: ROOM_A, tableId: TABLE_1 } as const;
    expect(text({ kind: 'moved', location, previous })).toBe(
      'You are no longer sitting at Table 1. You are standing in the room.',
    );
  });

  it('names the room and table a person was moved to', () => {
    const location = { kind: 'table', roomId: ROOM_A, tableId: TABLE_1 } as const;
    expect(text({ kind: 'moved', location, previous: { kind: 'lobby' } })).toBe(
      'Your place changed: you are now sitting at Table 1 in Housing.',
    );
  });

  it('welcomes a returning person back to the table they kept', () => {
    const location = { kind: 'table', roomId: ROOM_A, tableId: TABLE_1 } as const;
    expect(text({ kind: 'returned', location })).toBe(
      'Welcome back: you are still sitting at Table 1 in Housing.',
    );
    expect(text({ kind: 'returned', location: { kind: 'room', roomId: ROOM_A } })).toBe(
      'Welcome back: you are in Housing.',
    );
  });

  it('falls back to a plain sentence for a place it cannot name', () => {
    const location = { kind: 'table', roomId: ROOM_A, tableId: TABLE_2 } as const;
    expect(text({ kind: 'moved', location, previous: null })).toBe(
      'Your place in the fair changed.',
    );
  });

  it('says why a networking round moved the person, and who chose the table', () => {
    const seat = { kind: 'round', roomId: ROOM_A, tableId: TABLE_1 } as const;
    expect(text({ ...seat, preassigned: false })).toBe(
      'The networking round has started: you are now sitting at Table 1 in Housing.',
    );
    expect(text({ ...seat, preassigned: true })).toBe(
      'The networking round has started: the organisers chose Table 1 in Housing for you.',
    );
    expect(text({ ...seat, tableId: TABLE_2, preassigned: false })).toBe(
      'Your place in the fair changed.',
    );
  });

  it('names the person behind news about a card exchange', () => {
    expect(text({ kind: 'contact', news: 'request', name: 'Åsa Öberg' })).toBe(
      'Åsa Öberg asks to exchange contact cards with you.',
    );
    expect(text({ kind: 'contact', news: 'accepted', name: 'Leila' })).toBe(
      "Leila accepted. You can now see each other's cards.",
    );
  });
});
