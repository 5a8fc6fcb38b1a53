import type { MetPerson } from '@kohtaamo/protocol';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import { metMinutes, metPlace, metSummary } from './met-summary';

let tEn: TFunction;
let tFi: TFunction;

beforeAll(async () => {
  const english = createInstance();
  await english.init({ lng: 'en', resources: { en: { translation: en } } });
  tEn = english.t;
  const finnish = createInstance();
  await finnish.init({ lng: 'fi', resources: { fi: { translation: fi } } });
  tFi = finnish.t;
});

const leila: MetPerson = {
  person: {
    id: '00000000-0000-4000-8000-000000000002',
    name: 'Leila Hassan',
    organisation: 'Silta ry',
    organisationType: 'ngo',
  },
  tableId: '00000000-0000-4000-8000-000000000010',
  tableName: '3',
  roomId: '00000000-0000-4000-8000-000000000020',
  themeNames: { fi: 'Asuminen', en: 'Housing' },
  metSeconds: 150,
  firstMetAt: '2021-03-10T10:00:00.000Z',
  isNew: true,
  exchange: 'none',
};

describe('people met summary', () => {
  it('counts new people and organisations with the right plural in each language', () => {
    expect(metSummary({ newPeople: 5, newOrganisations: 3 }, tEn)).toBe(
      '5 new people from 3 organisations',
    );
    expect(metSummary({ newPeople: 1, newOrganisations: 1 }, tEn)).toBe(
      '1 new person from 1 organisation',
    );
    expect(metSummary({ newPeople: 2, newOrganisations: 1 }, tFi)).toBe(
      '2 uutta ihmistä 1 organisaatiosta',
    );
  });

  it('says so when nobody new has been met yet', () => {
    expect(metSummary({ newPeople: 0, newOrganisations: 0 }, tEn)).toBe(en.met.nobodyYet);
  });

  it('names the table and theme in the reader language, or the theme alone after an exchange', () => {
    expect(metPlace(leila, 'en', tEn)).toBe('Table 3, Housing');
    expect(metPlace(leila, 'sv', tEn)).toBe('Table 3, Asuminen');
    expect(metPlace({ ...leila, tableName: null, themeNames: {} }, 'en', tEn)).toBe('');
  });

  it('rounds the time together to whole minutes, never to zero after a sitting', () => {
    expect(metMinutes(leila)).toBe(3);
    expect(metMinutes({ ...leila, metSeconds: 20 })).toBe(1);
    expect(metMinutes({ ...leila, metSeconds: 0 })).toBe(0);
  });
});
