import { describe, expect, it } from 'vitest';
import {
  callPlaceOf,
  isCalledToStage,
  removalDestination,
  returnCandidates,
  scopeOfPerson,
  tablePatchOf,
} from './moderation';

const roomId = '11111111-1111-4111-8111-111111111111';
const tableId = '22222222-2222-4222-8222-222222222222';
const atTable = { kind: 'table', roomId, tableId } as const;
const inRoom = { kind: 'room', roomId } as const;
const lobby = { kind: 'lobby' } as const;
const stage = { kind: 'stage' } as const;

describe('moderation rules', () => {
  it('acts in the room a person is in, and fair-wide in the lobby or on the stage', () => {
    expect(scopeOfPerson(atTable)).toEqual({ kind: 'room', roomId });
    expect(scopeOfPerson(inRoom)).toEqual({ kind: 'room', roomId });
    expect(scopeOfPerson(lobby)).toEqual({ kind: 'fair' });
    expect(scopeOfPerson(stage)).toEqual({ kind: 'fair' });
  });

  it('mutes only where there is a call', () => {
    expect(callPlaceOf(atTable)).toEqual({ kind: 'table', tableId });
    expect(callPlaceOf(stage)).toEqual({ kind: 'stage' });
    expect(callPlaceOf(inRoom)).toBeNull();
    expect(callPlaceOf(lobby)).toBeNull();
  });

  it('removes from a table to its room and from a room to the lobby', () => {
    expect(removalDestination(atTable, 'table')).toEqual(inRoom);
    expect(removalDestination(inRoom, 'table')).toBeNull();
    expect(removalDestination(atTable, 'room')).toEqual(lobby);
    expect(removalDestination(inRoom, 'room')).toEqual(lobby);
    expect(removalDestination(lobby, 'room')).toBeNull();
    expect(removalDestination(stage, 'table')).toBeNull();
  });

  it('writes only the rule a table change names', () => {
    expect(tablePatchOf('lock')).toEqual({ locked: true });
    expect(tablePatchOf('unlock')).toEqual({ locked: false });
    expect(tablePatchOf('close')).toEqual({ closed: true });
    expect(tablePatchOf('open')).toEqual({ closed: false });
  });

  it('calls everyone but the organisers and those already on the stage', () => {
    expect(isCalledToStage('participant', atTable)).toBe(true);
    expect(isCalledToStage('facilitator', lobby)).toBe(true);
    expect(isCalledToStage('speaker', stage)).toBe(false);
    expect(isCalledToStage('organiser', atTable)).toBe(false);
  });

  it('sends people back to their own table, else its room, else the lobby', () => {
    expect(returnCandidates(atTable, [roomId])).toEqual([atTable, inRoom, lobby]);
    expect(returnCandidates(inRoom, [roomId])).toEqual([inRoom, lobby]);
    expect(returnCandidates(atTable, [])).toEqual([lobby]);
    expect(returnCandidates(lobby, [roomId])).toEqual([lobby]);
  });
});
