import { LOBBY_SCOPE, roomScope, type Location, type Scope } from '@kohtaamo/protocol';

/**
 * The seating rules of presence as plain functions. The in-memory adapter calls them; the Redis
 * adapter's Lua scripts (`presence/redis/`) repeat them, because a check made outside the script
 * could be stale by the time the script runs. The contract suite holds the two together.
 */

export type SeatRefusal = 'TABLE_FULL' | 'TABLE_LOCKED' | 'TABLE_CLOSED' | 'TABLE_UNKNOWN';

/** The rules a seat is checked against. */
export interface SeatRules {
  roomId: string;
  capacity: number;
  locked: boolean;
  closed: boolean;
}

export interface MoveFacts {
  /** Where the person is now, null when not in the fair. */
  from: Location | null;
  to: Location;
  /** The rules of the table `to` names; undefined when they are unknown or `to` is no table. */
  table: SeatRules | undefined;
  /** Unexpired seats taken at that table, the person's own included. */
  seated: number;
  /** Whether the person holds an unexpired seat at that table. */
  seatedHere: boolean;
  /** The lock holds the seat for this person (their place while they were on the stage). */
  throughLock?: boolean;
}

/** `stay`: already there, so nothing changes but the placement is refreshed and re-owned. */
export type MoveDecision =
  { kind: 'refuse'; code: SeatRefusal } | { kind: 'stay' } | { kind: 'go' };

export function decideMove(facts: MoveFacts): MoveDecision {
  const { from, to, table } = facts;
  if (to.kind !== 'table') return sameLocation(from, to) ? { kind: 'stay' } : { kind: 'go' };
  // A location names its room; one that disagrees with the rules is a stale picture of the fair.
  if (!table || table.roomId !== to.roomId) return refuse('TABLE_UNKNOWN');
  // Closed wins even over a seated person: nobody may (re)take a seat at a closed table.
  if (table.closed) return refuse('TABLE_CLOSED');
  // A lock keeps newcomers out; the people it was locked with must be able to stay.
  if (facts.seatedHere) return { kind: 'stay' };
  if (table.locked && !facts.throughLock) return refuse('TABLE_LOCKED');
  if (facts.seated >= table.capacity) return refuse('TABLE_FULL');
  // Still "at" the table but the seat had expired: it is retaken without leaving the room.
  return sameLocation(from, to) ? { kind: 'stay' } : { kind: 'go' };
}

function refuse(code: SeatRefusal): MoveDecision {
  return { kind: 'refuse', code };
}

export function sameLocation(a: Location | null, b: Location | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'table' && b.kind === 'table') {
    return a.tableId === b.tableId && a.roomId === b.roomId;
  }
  if (a.kind === 'room' && b.kind === 'room') return a.roomId === b.roomId;
  return true;
}

/** The room a location is in: standing in it or seated at one of its tables. */
export function roomOf(location: Location | null): string | null {
  if (location?.kind === 'room' || location?.kind === 'table') return location.roomId;
  return null;
}

function onStage(location: Location | null): boolean {
  return location?.kind === 'stage';
}

/** Who has to hear of a change of place. */
export interface ChangeReach {
  /** Rooms whose count and sample changed (left, then entered); the lobby shows them. */
  rooms: string[];
  /** The lobby first when a room's membership or the stage count changed, then each room. */
  scopes: Scope[];
}

export function reachOf(from: Location | null, to: Location | null): ChangeReach {
  const left = roomOf(from);
  const entered = roomOf(to);
  // Moving between tables of one room keeps the room's count and sample: only the room hears.
  const rooms = left === entered ? [] : [left, entered].filter((room) => room !== null);
  const scopes: Scope[] = [];
  if (rooms.length > 0 || onStage(from) !== onStage(to)) scopes.push(LOBBY_SCOPE);
  if (left !== null) scopes.push(roomScope(left));
  if (entered !== null && entered !== left) scopes.push(roomScope(entered));
  return { rooms, scopes };
}

/** Whether configuring a table changes what its room shows. */
export function sameSeatRules(a: SeatRules, b: SeatRules): boolean {
  return (
    a.roomId === b.roomId &&
    a.capacity === b.capacity &&
    a.locked === b.locked &&
    a.closed === b.closed
  );
}

/** A copy holding only the location's own fields, so callers' extra properties never leak. */
export function canonicalLocation(location: Location): Location {
  switch (location.kind) {
    case 'lobby':
    case 'stage':
      return { kind: location.kind };
    case 'room':
      return { kind: 'room', roomId: location.roomId };
    case 'table':
      return { kind: 'table', roomId: location.roomId, tableId: location.tableId };
  }
}
