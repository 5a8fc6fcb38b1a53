import { describe, expect, it } from 'vitest';
import { agendaBodyOf, agendaFormOf, newAgendaForm, nextStart } from './agenda-form';
import { fairBodyOf, fairFormOf, emptyFairForm } from './fair-form';
import { localizedTextOf } from './localized';

const HELSINKI = 'Europe/Helsinki';

describe('fair form', () => {
  it('defaults to Helsinki and reads the times in the chosen zone', () => {
    const values = {
      ...emptyFairForm(),
      title: 'Yhteistyömessut',
      startsLocal: '2021-03-10T10:00',
      endsLocal: '2021-03-10T13:00',
    };
    expect(values.timeZone).toBe(HELSINKI);
    expect(fairBodyOf(values)).toMatchObject({
      startsAt: '2021-03-10T10:00:00+02:00',
      endsAt: '2021-03-10T13:00:00+02:00',
    });
    expect(fairBodyOf({ ...values, timeZone: 'Europe/Stockholm' }).startsAt).toBe(
      '2021-03-10T10:00:00+01:00',
    );
  });

  it('leaves a missing time empty so the schema reports that field', () => {
    expect(fairBodyOf(emptyFairForm()).startsAt).toBe('');
  });

  it('shows a stored fair’s times in its own zone', () => {
    const form = fairFormOf({
      id: '7d3f1f0e-4a43-4b55-9a57-2d6f0c1b9e11',
      slug: 'messut',
      title: 'Messut',
      description: '',
      timeZone: HELSINKI,
      startsAt: '2021-03-10T08:00:00Z',
      endsAt: '2021-03-10T11:00:00Z',
      languages: ['fi'],
      status: 'draft',
      meetingThresholdSeconds: 120,
      createdAt: '2021-01-01T00:00:00Z',
      updatedAt: '2021-01-01T00:00:00Z',
    });
    expect(form.startsLocal).toBe('2021-03-10T10:00');
    expect(form.endsLocal).toBe('2021-03-10T13:00');
  });
});

describe('localizedTextOf', () => {
  it('keeps only the languages given, trimmed', () => {
    expect(localizedTextOf({ fi: ' Asuminen ', en: '', sv: '  ' })).toEqual({ fi: 'Asuminen' });
  });
});

describe('agenda form', () => {
  const roomId = '0b8f6a52-8f55-4f5a-9d1c-3c0f5b1e2a77';

  it('starts a new item where the agenda so far ends, for half an hour', () => {
    const start = nextStart(
      [{ endsAt: '2021-03-10T08:30:00Z' }, { endsAt: '2021-03-10T09:15:00Z' }],
      '2021-03-10T08:00:00Z',
    );
    expect(start).toBe('2021-03-10T09:15:00Z');
    const form = newAgendaForm(start, HELSINKI);
    expect(form.startsLocal).toBe('2021-03-10T11:15');
    expect(form.endsLocal).toBe('2021-03-10T11:45');
    expect(nextStart([], '2021-03-10T08:00:00Z')).toBe('2021-03-10T08:00:00Z');
  });

  it('builds the body with the place and the times in the fair’s zone', () => {
    const values = {
      ...newAgendaForm('2021-03-10T08:00:00Z', HELSINKI),
      kind: 'networking_round' as const,
      title: { fi: 'Kierros 1', en: 'Round 1', sv: '' },
      place: roomId,
    };
    expect(agendaBodyOf(values, HELSINKI)).toEqual({
      kind: 'networking_round',
      title: { fi: 'Kierros 1', en: 'Round 1' },
      startsAt: '2021-03-10T10:00:00+02:00',
      endsAt: '2021-03-10T10:30:00+02:00',
      place: { kind: 'room', roomId },
      speakerIds: [],
    });
  });

  it('edits a stored item with its values in the fair’s zone', () => {
    const form = agendaFormOf(
      {
        id: '5a0c0e1e-2b7e-4c55-8f1e-9d7f1e2c3b44',
        fairId: '7d3f1f0e-4a43-4b55-9a57-2d6f0c1b9e11',
        kind: 'speech',
        title: { fi: 'Avaus' },
        startsAt: '2021-03-10T08:00:00Z',
        endsAt: '2021-03-10T08:20:00Z',
        speakerIds: [],
        place: { kind: 'stage' },
      },
      HELSINKI,
    );
    expect(form).toMatchObject({
      title: { fi: 'Avaus', en: '', sv: '' },
      startsLocal: '2021-03-10T10:00',
      place: 'stage',
    });
  });
});
