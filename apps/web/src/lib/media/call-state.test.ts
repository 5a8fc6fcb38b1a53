import { describe, expect, it } from 'vitest';
import {
  type CallEvent,
  type CallState,
  DEFAULT_CONTROLS,
  IDLE_CALL,
  callReducer,
} from './call-state';

const run = (...events: CallEvent[]): CallState => events.reduce(callReducer, IDLE_CALL);
const join: CallEvent = { type: 'join', place: 'table:1', controls: DEFAULT_CONTROLS };

describe('call state', () => {
  it('goes from joining to connected, and to reconnecting when media drops', () => {
    expect(run(join).status).toEqual({ kind: 'joining' });
    expect(run(join, { type: 'connected' }).status).toEqual({ kind: 'connected' });
    expect(run(join, { type: 'connected' }, { type: 'interrupted' }).status).toEqual({
      kind: 'reconnecting',
    });
    expect(
      run(join, { type: 'connected' }, { type: 'interrupted' }, { type: 'connected' }).status,
    ).toEqual({ kind: 'connected' });
  });

  it('stays failed when a late success arrives, so the person sees why', () => {
    const state = run(join, { type: 'failed', reason: 'full' }, { type: 'connected' });
    expect(state.status).toEqual({ kind: 'failed', reason: 'full' });
  });

  it('ignores what an engine reports after leaving', () => {
    const state = run(
      join,
      { type: 'left' },
      { type: 'connected' },
      { type: 'participant', id: 'p2', changes: { name: 'Matti' } },
    );
    expect(state.status).toEqual({ kind: 'idle' });
    expect(state.participants).toEqual([]);
  });

  it('keeps the local person first and updates others in place', () => {
    const state = run(
      join,
      { type: 'participant', id: 'p2', changes: { name: 'Matti' } },
      { type: 'participant', id: 'me', changes: { name: 'Leila', isLocal: true } },
      { type: 'participant', id: 'p2', changes: { speaking: true } },
    );
    expect(state.participants.map((person) => [person.id, person.speaking])).toEqual([
      ['me', false],
      ['p2', true],
    ]);
    expect(state.participants[1]?.name).toBe('Matti');
  });

  it('drops a participant who left and keeps the same state for a change that changes nothing', () => {
    const joined = run(join, { type: 'participant', id: 'p2', changes: { name: 'Matti' } });
    expect(callReducer(joined, { type: 'participant', id: 'p2', changes: { name: 'Matti' } })).toBe(
      joined,
    );
    expect(callReducer(joined, { type: 'participantGone', id: 'p2' }).participants).toEqual([]);
  });

  it('remembers the controls across calls, so audio-only stays on at the next table', () => {
    const state = run(join, { type: 'controls', changes: { audioOnly: true } }, { type: 'left' });
    expect(state.controls.audioOnly).toBe(true);
  });
});
