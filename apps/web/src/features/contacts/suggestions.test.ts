import type { TableSuggestion } from '@kohtaamo/protocol';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import sv from '../../locales/sv.json';
import {
  SUGGESTIONS_INTERVAL_MS,
  suggestionDelayMs,
  suggestionReasons,
  visibleSuggestions,
} from './suggestions';

let tEn: TFunction;
let tSv: TFunction;

beforeAll(async () => {
  const english = createInstance();
  await english.init({ lng: 'en', resources: { en: { translation: en } } });
  tEn = english.t;
  const swedish = createInstance();
  await swedish.init({ lng: 'sv', resources: { sv: { translation: sv } } });
  tSv = swedish.t;
});

const suggestion: TableSuggestion = {
  tableId: '00000000-0000-4000-8000-000000000010',
  tableName: '3',
  roomId: '00000000-0000-4000-8000-000000000020',
  roomNames: { fi: 'Asuminen', en: 'Housing', sv: 'Boende' },
  freeSeats: 2,
  sharesMyTheme: true,
  newOrganisations: ['Espoon kaupunki', 'Silta ry'],
  seated: [],
};

describe('table suggestions', () => {
  it('says why a table is worth joining, in the reader language', () => {
    expect(suggestionReasons(suggestion, 'en', tEn)).toEqual([
      '2 free seats',
      'People from 2 organisations you have not met yet: Espoon kaupunki and Silta ry',
      'Your theme: Housing',
    ]);
    expect(suggestionReasons({ ...suggestion, freeSeats: 1 }, 'sv', tSv)[0]).toBe('1 ledig plats');
  });

  it('leaves out reasons that do not hold', () => {
    const plain = { ...suggestion, sharesMyTheme: false, newOrganisations: [] };
    expect(suggestionReasons(plain, 'en', tEn)).toEqual(['2 free seats']);
  });

  it('does not suggest the table I already sit at', () => {
    expect(visibleSuggestions([suggestion], suggestion.tableId)).toEqual([]);
    expect(visibleSuggestions([suggestion], null)).toEqual([suggestion]);
  });

  it('asks at once the first time, then no more often than the interval', () => {
    expect(suggestionDelayMs(null, 1_000)).toBe(0);
    expect(suggestionDelayMs(1_000, 2_000)).toBe(SUGGESTIONS_INTERVAL_MS - 1_000);
    expect(suggestionDelayMs(1_000, 1_000 + SUGGESTIONS_INTERVAL_MS + 5)).toBe(0);
  });
});
