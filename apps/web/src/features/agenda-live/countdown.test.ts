import type { LiveAgendaState } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  agendaView,
  clockOffsetMs,
  formatCountdown,
  isLastMinute,
  minutesBetween,
  offersStage,
  timeLeftMs,
} from './countdown';

const at = (hhmmss: string) => Date.parse(`2021-03-10T${hhmmss}Z`);
const iso = (hhmmss: string) => new Date(at(hhmmss)).toISOString();
const ROOM = '00000000-0000-4000-8000-0000000000aa';

const item = (n: number, from: string, to: string) => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  kind: 'networking_round' as const,
  title: { en: `Round ${n}` },
  place: { kind: 'stage' as const },
  startsAt: iso(from),
  endsAt: iso(to),
  skipped: false,
});

describe('the countdown', () => {
  it('corrects for a browser clock that is three minutes slow', () => {
    const browserSlowByMs = 3 * 60_000;
    const receivedAt = at('10:30:00') - browserSlowByMs;
    const offset = clockOffsetMs(iso('10:30:00'), receivedAt, receivedAt);
    expect(offset).toBe(browserSlowByMs);
    // Ten seconds later by the browser's clock, the round ending 10:40 has 9:50 left.
    const left = timeLeftMs(iso('10:40:00'), null, receivedAt + 10_000, offset);
    expect(formatCountdown(left)).toBe('9:50');
  });

  it('takes the middle of a request as the moment the server read its clock', () => {
    expect(clockOffsetMs(iso('10:00:01'), at('10:00:00'), at('10:00:02'))).toBe(0);
  });

  it('freezes while the fair is paused, whatever the clocks say', () => {
    const left = timeLeftMs(iso('10:40:00'), iso('10:35:30'), at('11:00:00'), 12_345);
    expect(formatCountdown(left)).toBe('4:30');
  });

  it('never counts below zero and rounds up to whole seconds', () => {
    expect(timeLeftMs(iso('10:40:00'), null, at('10:41:00'), 0)).toBe(0);
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(59_001)).toBe('1:00');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
  });

  it('warns in the last minute only', () => {
    expect(isLastMinute(60_000)).toBe(true);
    expect(isLastMinute(60_001)).toBe(false);
    expect(isLastMinute(0)).toBe(false);
  });

  it('says "in 2 minutes" for a speech two minutes away', () => {
    expect(minutesBetween(iso('09:58:00'), iso('10:00:00'))).toBe(2);
    expect(minutesBetween(iso('09:58:30'), iso('10:00:00'))).toBe(2);
  });
});

describe('the agenda view', () => {
  const state: LiveAgendaState = {
    serverNow: iso('10:30:00'),
    phase: 'running',
    pausedAt: null,
    endedAt: null,
    currentId: item(1, '10:20:00', '10:40:00').id,
    nextId: item(2, '10:50:00', '11:10:00').id,
    items: [item(1, '10:20:00', '10:40:00'), item(2, '10:50:00', '11:10:00')],
    roomRounds: [{ roomId: ROOM, startedAt: iso('10:25:00'), endsAt: iso('10:35:00') }],
  };

  it('picks what is on now and next, and the round of the room one is in only', () => {
    const inRoom = agendaView(state, ROOM);
    expect(inRoom.current?.title).toEqual({ en: 'Round 1' });
    expect(inRoom.next?.title).toEqual({ en: 'Round 2' });
    expect(inRoom.roomRound?.endsAt).toBe(iso('10:35:00'));
    expect(agendaView(state, undefined).roomRound).toBeNull();
  });
});

describe('the offer to join the stage', () => {
  const speech = { ...item(1, '10:00:00', '10:20:00'), kind: 'speech' as const };
  const view = (current: typeof speech | null, next: typeof speech | null) => ({
    current,
    next,
    roomRound: null,
  });

  it('is made while a speech is on the stage', () => {
    expect(offersStage(view(speech, null), at('10:05:00'))).toBe(true);
  });

  it('is made from five minutes before a speech on the stage, not earlier', () => {
    expect(offersStage(view(null, speech), at('09:55:00'))).toBe(true);
    expect(offersStage(view(null, speech), at('09:54:59'))).toBe(false);
  });

  it('is not made for rounds, for speeches in a room or for a skipped speech', () => {
    const round = item(2, '10:00:00', '10:20:00');
    const inRoom = { ...speech, place: { kind: 'room' as const, roomId: ROOM } };
    const skipped = { ...speech, skipped: true };
    for (const current of [round, inRoom, skipped]) {
      expect(offersStage(view(current as typeof speech, null), at('10:05:00'))).toBe(false);
    }
  });
});
