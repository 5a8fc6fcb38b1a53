/** Shared test data for the moderation views: one room with two tables, entries of the log. */
import type { ModerationLogEntry, Room } from '@kohtaamo/protocol';
import { aino, omar, ROOM_A, TABLE_1, TABLE_2 } from '@kohtaamo/protocol/fixtures';
import { createInstance, type TFunction } from 'i18next';
import en from '../../locales/en.json';
import { fairNames, type FairNames } from '../live/fair-names';

export const FAIR_ID = '0b5e8a3c-7d2f-4e61-9c8b-5a4d3e2f1a00';

export const housing: Room = {
  id: ROOM_A,
  fairId: FAIR_ID,
  names: { en: 'Housing', fi: 'Asuminen' },
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
    {
      id: TABLE_2,
      roomId: ROOM_A,
      name: 'Table 2',
      capacity: 6,
      locked: false,
      closed: false,
      position: 1,
    },
  ],
};

export const names: FairNames = fairNames([housing], 'en');

/** An English `t`, as the app's would be with English chosen. */
export async function englishT(): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng: 'en', resources: { en: { translation: en } } });
  return i18n.t;
}

let entryCount = 0;

/** A log entry: Omar (organiser) muted Aino at Table 1, unless told otherwise. */
export function logEntry(overrides: Partial<ModerationLogEntry> = {}): ModerationLogEntry {
  entryCount += 1;
  return {
    id: `6a1f0c2e-0000-4000-8000-${String(entryCount).padStart(12, '0')}`,
    at: '2026-05-04T09:15:30.000Z',
    actor: omar,
    action: { kind: 'mute', track: 'microphone' },
    target: aino,
    roomId: ROOM_A,
    tableId: TABLE_1,
    reason: null,
    ...overrides,
  };
}
