import type { AgendaControl, AgendaCue, AgendaItem, AgendaKind } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  currentTimeline,
  type ControlRefusal,
  type LiveControl,
  refusalOf,
  type RoomControl,
} from './live-agenda';
import { cuesBetween, liveAgendaState, nextChangeAtMs, nextCueAtMs } from './live-agenda-cues';

const FAIR_ID = '00000000-0000-4000-8000-000000000000';
const ROOM_ID = '00000000-0000-4000-8000-0000000000aa';
const at = (hhmmss: string) => Date.parse(`2021-03-10T${hhmmss}Z`);
const iso = (hhmmss: string) => new Date(at(hhmmss)).toISOString();

function item(n: number, kind: AgendaKind, from: string, to: string): AgendaItem {
  return {
    id: `00000000-0000-4000-8000-00000000000${n}`,
    fairId: FAIR_ID,
    kind,
    title: { en: `${kind} ${n}` },
    startsAt: iso(from),
    endsAt: iso(to),
    speakerIds: [],
    place: { kind: 'stage' },
  };
}

/** The Cooperation Fair of 10 March 2021, in UTC for short. */
const speech = item(1, 'speech', '10:00:00', '10:20:00');
const round1 = item(2, 'networking_round', '10:20:00', '10:40:00');
const pause = item(3, 'break', '10:40:00', '10:50:00');
const round2 = item(4, 'networking_round', '10:50:00', '11:10:00');
const closing = item(5, 'closing', '11:10:00', '11:20:00');
const agenda = [speech, round1, pause, round2, closing];

/**
 * A fair driven by a fake clock: the test moves time forward and hears the cues due meanwhile,
 * the way the server's scheduler does, and takes controls at the current instant.
 */
function fakeFair(items: AgendaItem[], startAt = '09:00:00') {
  let nowMs = at(startAt);
  const controls: LiveControl[] = [];
  return {
    controls,
    /** Moves the clock to `hhmmss` (or by `stepMs` at a time) and returns the cues heard. */
    advanceTo(hhmmss: string, stepMs = 1000): AgendaCue[] {
      const heard: AgendaCue[] = [];
      const target = at(hhmmss);
      while (nowMs < target) {
        const next = Math.min(target, nowMs + stepMs);
        heard.push(...cuesBetween(items, controls, nowMs, next));
        nowMs = next;
      }
      return heard;
    },
    /** Takes the control now; returns why not, or the cues it causes at once. */
    take(control: AgendaControl | RoomControl): ControlRefusal | AgendaCue[] {
      const entry = { ...control, atMs: nowMs };
      const refusal = refusalOf(currentTimeline(items, controls), entry);
      if (refusal) return refusal;
      controls.push(entry);
      return cuesBetween(items, controls, nowMs - 1, nowMs);
    },
    state: () => liveAgendaState(items, controls, nowMs),
  };
}

const summary = (cues: AgendaCue[]) =>
  cues.map((c) => `${c.at.slice(11, 19)} ${c.kind} ${c.item?.id.slice(-1) ?? c.roomId ?? ''}`);
const times = (fair: ReturnType<typeof fakeFair>) =>
  fair.state().items.map((i) => `${i.startsAt.slice(11, 16)}-${i.endsAt.slice(11, 16)}`);

describe('live agenda on the clock', () => {
  it('tells everyone to join the stage two minutes before the opening speech, then that it starts', () => {
    const fair = fakeFair(agenda);
    expect(fair.advanceTo('09:57:59')).toEqual([]);
    const soon = fair.advanceTo('09:58:00');
    expect(soon).toEqual([
      expect.objectContaining({
        kind: 'speech.soon',
        at: iso('09:58:00'),
        item: expect.objectContaining({ id: speech.id, place: { kind: 'stage' } }),
      }),
    ]);
    expect(fair.state()).toMatchObject({ phase: 'before', currentId: null, nextId: speech.id });
    expect(summary(fair.advanceTo('10:00:00'))).toEqual(['10:00:00 speech.started 1']);
    expect(fair.state()).toMatchObject({
      phase: 'running',
      currentId: speech.id,
      nextId: round1.id,
    });
  });

  it('starts a round, warns one minute before its end and ends it, each cue once', () => {
    const fair = fakeFair(agenda);
    const heard = fair.advanceTo('11:30:00', 500);
    expect(summary(heard)).toEqual([
      '09:58:00 speech.soon 1',
      '10:00:00 speech.started 1',
      '10:20:00 round.started 2',
      '10:39:00 round.oneMinute 2',
      '10:40:00 round.ended 2',
      '10:50:00 round.started 4',
      '11:09:00 round.oneMinute 4',
      '11:10:00 round.ended 4',
      '11:20:00 fair.ended ',
    ]);
    expect(new Set(heard.map((c) => c.id)).size).toBe(heard.length);
    expect(fair.state()).toMatchObject({ phase: 'ended', currentId: null, nextId: null });
  });

  it('extends a round: its warning and end move, and every later item shifts as much', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:30:00');
    expect(fair.take({ kind: 'item.extend', itemId: round1.id, minutes: 5 })).toEqual([]);
    expect(times(fair)).toEqual([
      '10:00-10:20',
      '10:20-10:45',
      '10:45-10:55',
      '10:55-11:15',
      '11:15-11:25',
    ]);
    expect(summary(fair.advanceTo('10:56:00'))).toEqual([
      '10:44:00 round.oneMinute 2',
      '10:45:00 round.ended 2',
      '10:55:00 round.started 4',
    ]);
  });

  it('a late extension warns again: the round that had a minute left gets a new last minute', () => {
    const fair = fakeFair(agenda);
    expect(summary(fair.advanceTo('10:39:30'))).toContain('10:39:00 round.oneMinute 2');
    fair.take({ kind: 'item.extend', itemId: round1.id, minutes: 2 });
    expect(summary(fair.advanceTo('10:42:00'))).toEqual([
      '10:41:00 round.oneMinute 2',
      '10:42:00 round.ended 2',
    ]);
  });

  it('pauses: time left is frozen, nothing is announced, and on resume later items shift by the pause', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:30:00');
    fair.take({ kind: 'fair.pause' });
    expect(fair.advanceTo('10:45:00')).toEqual([]);
    const paused = fair.state();
    expect(paused).toMatchObject({
      phase: 'paused',
      pausedAt: iso('10:30:00'),
      currentId: round1.id,
    });
    const current = paused.items.find((i) => i.id === paused.currentId);
    expect(Date.parse(current?.endsAt ?? '') - Date.parse(paused.pausedAt ?? '')).toBe(10 * 60_000);
    expect(fair.take({ kind: 'item.end', itemId: round1.id })).toBe('paused');

    fair.take({ kind: 'fair.resume' });
    expect(fair.state()).toMatchObject({ phase: 'running', pausedAt: null, currentId: round1.id });
    expect(times(fair)).toEqual([
      '10:00-10:20',
      '10:20-10:55',
      '10:55-11:05',
      '11:05-11:25',
      '11:25-11:35',
    ]);
    expect(summary(fair.advanceTo('11:05:00'))).toEqual([
      '10:54:00 round.oneMinute 2',
      '10:55:00 round.ended 2',
      '11:05:00 round.started 4',
    ]);
  });

  it('ends a round by hand: it ends now and later items come earlier, keeping their gaps', () => {
    const gap = item(3, 'break', '10:45:00', '10:50:00');
    const fair = fakeFair([speech, round1, gap, round2]);
    fair.advanceTo('10:30:00');
    expect(summary(fair.take({ kind: 'item.end', itemId: round1.id }) as AgendaCue[])).toEqual([
      '10:30:00 round.ended 2',
    ]);
    expect(times(fair)).toEqual(['10:00-10:20', '10:20-10:30', '10:35-10:40', '10:40-11:00']);
    expect(fair.state()).toMatchObject({ currentId: null, nextId: gap.id });
    expect(summary(fair.advanceTo('10:41:00'))).toEqual(['10:40:00 round.started 4']);
  });

  it('announces at once a speech that an early end brought within two minutes', () => {
    const talk = item(3, 'speech', '10:41:00', '11:00:00');
    const fair = fakeFair([speech, round1, talk]);
    fair.advanceTo('10:38:00');
    // The talk now starts 10:39, one minute after the round's end: announced right away.
    expect(summary(fair.take({ kind: 'item.end', itemId: round1.id }) as AgendaCue[])).toEqual([
      '10:38:00 round.ended 2',
      '10:38:00 speech.soon 3',
    ]);
    expect(summary(fair.advanceTo('10:40:00'))).toEqual(['10:39:00 speech.started 3']);
  });

  it('starts an item by hand: what was on ends, the item starts now and the rest follow it', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:05:00');
    expect(summary(fair.take({ kind: 'item.start', itemId: round1.id }) as AgendaCue[])).toEqual([
      '10:05:00 round.started 2',
    ]);
    expect(times(fair)).toEqual([
      '10:00-10:05',
      '10:05-10:25',
      '10:25-10:35',
      '10:35-10:55',
      '10:55-11:05',
    ]);
    expect(fair.take({ kind: 'item.start', itemId: round1.id })).toBe('itemRunning');
    expect(fair.take({ kind: 'item.start', itemId: speech.id })).toBe('itemOver');
  });

  it('starts the fair early: the opening speech begins now and everything moves with it', () => {
    const fair = fakeFair(agenda, '09:50:00');
    expect(summary(fair.take({ kind: 'fair.start' }) as AgendaCue[])).toEqual([
      '09:50:00 speech.started 1',
    ]);
    expect(times(fair)[4]).toBe('11:00-11:10');
    expect(fair.take({ kind: 'fair.start' })).toBe('started');
  });

  it('ends the fair by hand: everything is over at once, with one announcement', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:30:00');
    expect(summary(fair.take({ kind: 'fair.end' }) as AgendaCue[])).toEqual([
      '10:30:00 fair.ended ',
    ]);
    const state = fair.state();
    expect(state).toMatchObject({ phase: 'ended', endedAt: iso('10:30:00'), currentId: null });
    expect(state.items.map((i) => i.skipped)).toEqual([false, false, true, true, true]);
    expect(fair.advanceTo('12:00:00')).toEqual([]);
    expect(fair.take({ kind: 'fair.resume' })).toBe('ended');
    expect(fair.take({ kind: 'room.start', roomId: ROOM_ID, minutes: 5 })).toBe('ended');
  });

  it('runs a facilitator round in one room, shown only for that room', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:22:00');
    const started = fair.take({ kind: 'room.start', roomId: ROOM_ID, minutes: 5 }) as AgendaCue[];
    expect(started).toEqual([
      expect.objectContaining({ kind: 'round.started', roomId: ROOM_ID, endsAt: iso('10:27:00') }),
    ]);
    expect(started[0]?.item).toBeUndefined();
    expect(fair.state().roomRounds).toEqual([
      { roomId: ROOM_ID, startedAt: iso('10:22:00'), endsAt: iso('10:27:00') },
    ]);
    expect(fair.take({ kind: 'room.start', roomId: ROOM_ID, minutes: 5 })).toBe('roundRunning');
    expect(summary(fair.advanceTo('10:28:00'))).toEqual([
      `10:26:00 round.oneMinute ${ROOM_ID}`,
      `10:27:00 round.ended ${ROOM_ID}`,
    ]);
    expect(fair.state().roomRounds).toEqual([]);
    expect(fair.take({ kind: 'room.end', roomId: ROOM_ID })).toBe('noRound');
  });

  it('ends a room round by hand, and a pause freezes it too', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:22:00');
    fair.take({ kind: 'room.start', roomId: ROOM_ID, minutes: 3 });
    fair.take({ kind: 'fair.pause' });
    fair.advanceTo('10:30:00');
    fair.take({ kind: 'fair.resume' });
    expect(fair.state().roomRounds[0]?.endsAt).toBe(iso('10:33:00'));
    fair.advanceTo('10:31:00');
    expect(summary(fair.take({ kind: 'room.end', roomId: ROOM_ID }) as AgendaCue[])).toEqual([
      `10:31:00 round.ended ${ROOM_ID}`,
    ]);
    expect(fair.advanceTo('10:35:00')).toEqual([]);
  });

  it('ignores a control that was no longer valid at its instant (two organisers at once)', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:30:00');
    fair.take({ kind: 'fair.pause' });
    fair.controls.push({ kind: 'fair.pause', atMs: at('10:31:00') });
    fair.advanceTo('10:35:00');
    fair.take({ kind: 'fair.resume' });
    expect(fair.state().items[1]?.endsAt).toBe(iso('10:45:00'));
  });

  it('knows when the next cue is due, and that none is due while paused', () => {
    const fair = fakeFair(agenda);
    expect(nextCueAtMs(agenda, fair.controls, at('09:00:00'))).toBe(at('09:58:00'));
    expect(nextCueAtMs(agenda, fair.controls, at('10:20:00'))).toBe(at('10:39:00'));
    fair.advanceTo('10:30:00');
    fair.take({ kind: 'fair.pause' });
    expect(nextCueAtMs(agenda, fair.controls, at('10:30:00'))).toBeNull();
  });

  it('wakes the scheduler at item changes too, not only at cues', () => {
    // The break begins at 10:40 with no announcement of its own, but "now" changes then.
    expect(nextChangeAtMs(agenda, [], at('10:39:30'))).toBe(at('10:40:00'));
    expect(nextChangeAtMs(agenda, [], at('10:40:00'))).toBe(at('10:50:00'));
    expect(nextChangeAtMs(agenda, [], at('11:20:00'))).toBeNull();
  });

  it('refuses controls that make no sense now', () => {
    const fair = fakeFair(agenda);
    fair.advanceTo('10:30:00');
    expect(fair.take({ kind: 'fair.resume' })).toBe('notPaused');
    expect(fair.take({ kind: 'item.end', itemId: round2.id })).toBe('itemNotRunning');
    const unknown = '00000000-0000-4000-8000-0000000000ff';
    expect(fair.take({ kind: 'item.extend', itemId: unknown, minutes: 1 })).toBe('unknownItem');
    expect(fakeFair([]).take({ kind: 'fair.start' })).toBe('noItems');
  });
});
