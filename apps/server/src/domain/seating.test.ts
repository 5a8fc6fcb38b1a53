import type { Location } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import {
  canonicalLocation,
  decideMove,
  reachOf,
  sameLocation,
  sameSeatRules,
  type MoveFacts,
  type SeatRules,
} from './seating';

const lobby: Location = { kind: 'lobby' };
const stage: Location = { kind: 'stage' };
const roomA: Location = { kind: 'room', roomId: 'a' };
const roomB: Location = { kind: 'room', roomId: 'b' };
const tableA1: Location = { kind: 'table', roomId: 'a', tableId: 't1' };
const tableA2: Location = { kind: 'table', roomId: 'a', tableId: 't2' };
const tableB1: Location = { kind: 'table', roomId: 'b', tableId: 'u1' };

const openSix: SeatRules = { roomId: 'a', capacity: 6, locked: false, closed: false };

function facts(overrides: Partial<MoveFacts>): MoveFacts {
  return { from: lobby, to: tableA1, table: openSix, seated: 0, seatedHere: false, ...overrides };
}

describe('seating: deciding a move', () => {
  it('seats a person at an open table with a free seat', () => {
    expect(decideMove(facts({ seated: 5 }))).toEqual({ kind: 'go' });
  });

  it('refuses the seventh person at a table of six', () => {
    expect(decideMove(facts({ seated: 6 }))).toEqual({ kind: 'refuse', code: 'TABLE_FULL' });
  });

  it('refuses newcomers at a locked table but lets the seated stay', () => {
    const locked = { ...openSix, locked: true };
    expect(decideMove(facts({ table: locked, seated: 2 }))).toEqual({
      kind: 'refuse',
      code: 'TABLE_LOCKED',
    });
    expect(
      decideMove(facts({ from: tableA1, table: locked, seated: 2, seatedHere: true })),
    ).toEqual({ kind: 'stay' });
  });

  it('refuses everyone at a closed table, even the seated', () => {
    const closed = { ...openSix, closed: true, locked: true };
    expect(decideMove(facts({ table: closed }))).toEqual({
      kind: 'refuse',
      code: 'TABLE_CLOSED',
    });
    expect(decideMove(facts({ from: tableA1, table: closed, seatedHere: true }))).toEqual({
      kind: 'refuse',
      code: 'TABLE_CLOSED',
    });
  });

  it('reports a table whose rules are unknown or name another room', () => {
    expect(decideMove(facts({ table: undefined }))).toEqual({
      kind: 'refuse',
      code: 'TABLE_UNKNOWN',
    });
    expect(decideMove(facts({ table: { ...openSix, roomId: 'b' } }))).toEqual({
      kind: 'refuse',
      code: 'TABLE_UNKNOWN',
    });
  });

  it('keeps a person seated at a full table when they ask for it again', () => {
    expect(decideMove(facts({ from: tableA1, seated: 6, seatedHere: true }))).toEqual({
      kind: 'stay',
    });
  });

  it('lets a person whose seat expired retake it in place when there is room', () => {
    expect(decideMove(facts({ from: tableA1, seated: 5 }))).toEqual({ kind: 'stay' });
    expect(decideMove(facts({ from: tableA1, seated: 6 }))).toEqual({
      kind: 'refuse',
      code: 'TABLE_FULL',
    });
  });

  it('treats going where one already is as staying', () => {
    expect(decideMove(facts({ from: roomA, to: roomA, table: undefined }))).toEqual({
      kind: 'stay',
    });
    expect(decideMove(facts({ from: stage, to: stage, table: undefined }))).toEqual({
      kind: 'stay',
    });
    expect(decideMove(facts({ from: roomA, to: roomB, table: undefined }))).toEqual({
      kind: 'go',
    });
  });
});

describe('seating: who hears of a change', () => {
  it('tells the lobby and the room when someone enters a room', () => {
    expect(reachOf(lobby, roomA)).toEqual({ rooms: ['a'], scopes: ['lobby', 'room:a'] });
    expect(reachOf(null, tableA1)).toEqual({ rooms: ['a'], scopes: ['lobby', 'room:a'] });
  });

  it('tells only the room when someone sits down or changes tables within it', () => {
    expect(reachOf(roomA, tableA1)).toEqual({ rooms: [], scopes: ['room:a'] });
    expect(reachOf(tableA1, tableA2)).toEqual({ rooms: [], scopes: ['room:a'] });
  });

  it('tells the room left and the room entered once each', () => {
    expect(reachOf(tableA1, tableB1)).toEqual({
      rooms: ['a', 'b'],
      scopes: ['lobby', 'room:a', 'room:b'],
    });
  });

  it('tells the lobby when the stage audience changes', () => {
    expect(reachOf(lobby, stage)).toEqual({ rooms: [], scopes: ['lobby'] });
    expect(reachOf(stage, null)).toEqual({ rooms: [], scopes: ['lobby'] });
    expect(reachOf(roomA, stage)).toEqual({ rooms: ['a'], scopes: ['lobby', 'room:a'] });
  });

  it('tells nobody when someone arrives in or leaves the lobby', () => {
    expect(reachOf(null, lobby)).toEqual({ rooms: [], scopes: [] });
    expect(reachOf(lobby, null)).toEqual({ rooms: [], scopes: [] });
  });
});

describe('seating: comparing', () => {
  it('compares locations by their kind and ids', () => {
    expect(sameLocation(tableA1, { kind: 'table', roomId: 'a', tableId: 't1' })).toBe(true);
    expect(sameLocation(tableA1, tableA2)).toBe(false);
    expect(sameLocation(roomA, tableA1)).toBe(false);
    expect(sameLocation(lobby, { kind: 'lobby' })).toBe(true);
    expect(sameLocation(null, null)).toBe(true);
    expect(sameLocation(null, lobby)).toBe(false);
  });

  it('notices any difference in a table’s rules', () => {
    expect(sameSeatRules(openSix, { ...openSix })).toBe(true);
    expect(sameSeatRules(openSix, { ...openSix, capacity: 4 })).toBe(false);
    expect(sameSeatRules(openSix, { ...openSix, locked: true })).toBe(false);
    expect(sameSeatRules(openSix, { ...openSix, closed: true })).toBe(false);
    expect(sameSeatRules(openSix, { ...openSix, roomId: 'b' })).toBe(false);
  });

  it('drops properties a location does not have', () => {
    const sloppy = { kind: 'room', roomId: 'a', tableId: 'x' } as unknown as Location;
    expect(canonicalLocation(sloppy)).toEqual(roomA);
  });
});
