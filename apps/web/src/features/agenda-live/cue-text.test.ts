import type { AgendaCue } from '@kohtaamo/protocol';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import { agendaCueText } from './cue-text';

const ROOM = '00000000-0000-4000-8000-0000000000aa';
const names = {
  room: (id: string) => (id === ROOM ? 'Asuminen' : undefined),
  table: () => undefined,
};
const speech = {
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'speech' as const,
  title: { fi: 'Avauspuhe', en: 'Opening speech' },
  place: { kind: 'stage' as const },
  startsAt: '2021-03-10T10:00:00.000Z',
  endsAt: '2021-03-10T10:20:00.000Z',
  skipped: false,
};

let t: TFunction;
beforeAll(async () => {
  const instance = i18next.createInstance();
  await instance.init({ lng: 'en', resources: { en: { translation: en } } });
  t = instance.t;
});

describe('what a cue says', () => {
  it('"The opening speech starts in 2 minutes — join the stage"', () => {
    const cue: AgendaCue = {
      id: 'a',
      kind: 'speech.soon',
      at: '2021-03-10T09:58:00.000Z',
      item: speech,
    };
    expect(agendaCueText(cue, names, t, 'en')).toBe(
      '“Opening speech” starts in 2 minutes — join the stage.',
    );
  });

  it('sends people to the room of a speech held in a room', () => {
    const inRoom = { ...speech, place: { kind: 'room' as const, roomId: ROOM } };
    const cue: AgendaCue = {
      id: 'b',
      kind: 'speech.soon',
      at: '2021-03-10T09:59:00.000Z',
      item: inRoom,
    };
    expect(agendaCueText(cue, names, t, 'en')).toBe(
      '“Opening speech” starts in 1 minute — join Asuminen.',
    );
  });

  it("tells a room about its own round's length", () => {
    const cue: AgendaCue = {
      id: 'c',
      kind: 'round.started',
      at: '2021-03-10T10:22:00.000Z',
      roomId: ROOM,
      endsAt: '2021-03-10T10:37:00.000Z',
    };
    expect(agendaCueText(cue, names, t, 'en')).toBe(
      'A timed round of 15 minutes has started in this room.',
    );
  });
});
