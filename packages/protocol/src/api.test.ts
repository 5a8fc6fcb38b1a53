import { describe, expect, it } from 'vitest';
import { apiRoutes, buildPath } from './api';
import { pickText } from './common';
import { createFairBodySchema } from './fairs';

describe('buildPath', () => {
  it('fills every parameter, including one before a file extension', () => {
    expect(buildPath(apiRoutes.table, { fairId: 'f1', tableId: 't 2' })).toBe(
      '/api/fairs/f1/tables/t%202',
    );
    expect(buildPath(apiRoutes.agendaIcs, { fairId: 'f1' })).toBe('/api/fairs/f1/agenda.ics');
  });
});

describe('pickText', () => {
  it('falls back to another language when the wanted one is missing', () => {
    expect(pickText({ fi: 'Asuminen', en: 'Housing' }, 'sv')).toBe('Asuminen');
    expect(pickText({ en: 'Housing', sv: 'Boende' }, 'sv')).toBe('Boende');
  });
});

describe('createFairBodySchema', () => {
  const valid = {
    title: 'Yhteistyömessut',
    timeZone: 'Europe/Helsinki',
    startsAt: '2021-03-10T10:00:00+02:00',
    endsAt: '2021-03-10T13:00:00+02:00',
  };

  it('fills the defaults a new fair starts with', () => {
    const fair = createFairBodySchema.parse(valid);
    expect(fair.meetingThresholdSeconds).toBe(120);
    expect(fair.languages).toEqual(['fi', 'en', 'sv']);
    expect(fair.status).toBe('draft');
  });

  it('refuses a fair that ends before it starts, an unknown time zone and unknown fields', () => {
    expect(createFairBodySchema.safeParse({ ...valid, endsAt: valid.startsAt }).success).toBe(
      false,
    );
    expect(createFairBodySchema.safeParse({ ...valid, timeZone: 'Mars/Olympus' }).success).toBe(
      false,
    );
    expect(createFairBodySchema.safeParse({ ...valid, isAdmin: true }).success).toBe(false);
  });
});
