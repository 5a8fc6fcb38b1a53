import type { Destination, Location } from '@kohtaamo/protocol';

/** Where the page on screen needs the person to be, so that it shows the right scope. */
export type Wish = { kind: 'lobby' } | { kind: 'stage' } | { kind: 'room'; roomId: string };

/**
 * Whether the person already is where the page needs them. The room page is also right for
 * someone at one of its tables (entering it must not unseat them); the lobby page is also right
 * for someone on the stage, so that it never undoes a facilitator sending them there.
 */
export function isWishMet(wish: Wish, location: Location): boolean {
  if (wish.kind === 'lobby') return location.kind === 'lobby' || location.kind === 'stage';
  if (wish.kind === 'stage') return location.kind === 'stage';
  return (location.kind === 'room' || location.kind === 'table') && location.roomId === wish.roomId;
}

export function destinationOf(wish: Wish): Destination {
  return wish.kind === 'room' ? { kind: 'room', roomId: wish.roomId } : { kind: wish.kind };
}

export function sameLocation(a: Location, b: Location): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'room' && b.kind === 'room') return a.roomId === b.roomId;
  if (a.kind === 'table' && b.kind === 'table') return a.tableId === b.tableId;
  return a.kind === 'lobby' || a.kind === 'stage';
}

/** The room a location is in, if any. */
export function roomIdOf(location: Location | null | undefined): string | null {
  return location?.kind === 'room' || location?.kind === 'table' ? location.roomId : null;
}

/** The table a location is at, if any. */
export function tableIdOf(location: Location | null | undefined): string | null {
  return location?.kind === 'table' ? location.tableId : null;
}

/**
 * Where a person opening the fair anew should be shown instead of where the page asks. The entry
 * page is the lobby; someone presence still has in a room or at a table (they reloaded, or
 * reopened the fair within the reconnection grace) is taken back there rather than unseated.
 */
export function placeToResume(wish: Wish, location: Location): Location | null {
  return wish.kind === 'lobby' && roomIdOf(location) ? location : null;
}
