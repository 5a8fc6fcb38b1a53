import type {
  Location,
  MediaPlace,
  ModerationTableChange,
  RemoveFrom,
  Role,
} from '@kohtaamo/protocol';
import type { ActionScope } from './permissions';

/**
 * The rules of moderation as plain functions: where an action on a person takes effect, where
 * a removal leaves them, what a table change writes, and where a stage return puts someone.
 */

/** An action on a person takes effect in the room presence shows them in; else the fair's. */
export function scopeOfPerson(location: Location): ActionScope {
  return location.kind === 'room' || location.kind === 'table'
    ? { kind: 'room', roomId: location.roomId }
    : { kind: 'fair' };
}

/** The call a person takes part in at their place, if their place has one. */
export function callPlaceOf(location: Location): MediaPlace | null {
  if (location.kind === 'table') return { kind: 'table', tableId: location.tableId };
  if (location.kind === 'stage') return { kind: 'stage' };
  return null;
}

/**
 * Where a person removed from a table (to its room) or a room (to the lobby) goes; null when
 * they are not there. Removal "from the room" also covers someone seated at one of its tables.
 */
export function removalDestination(location: Location, from: RemoveFrom): Location | null {
  if (from === 'table') {
    return location.kind === 'table' ? { kind: 'room', roomId: location.roomId } : null;
  }
  return location.kind === 'room' || location.kind === 'table' ? { kind: 'lobby' } : null;
}

/** The table columns a lock / unlock / close / open writes. */
export function tablePatchOf(
  change: ModerationTableChange,
): { locked: boolean } | { closed: boolean } {
  switch (change) {
    case 'lock':
      return { locked: true };
    case 'unlock':
      return { locked: false };
    case 'close':
      return { closed: true };
    case 'open':
      return { closed: false };
  }
}

/**
 * Organisers run the fair from their dashboard, so "everyone to the stage" leaves them where
 * they are; everyone else who is in the fair and not on the stage already is called.
 */
export function isCalledToStage(role: Role, location: Location): boolean {
  return role !== 'organiser' && location.kind !== 'stage';
}

/**
 * Where to try to put someone back after the stage, in order: their own place, then (for a
 * table that is gone, closed or full) its room, then the lobby.
 */
export function returnCandidates(remembered: Location, roomIds: readonly string[]): Location[] {
  const candidates: Location[] = [];
  if (remembered.kind === 'table' || remembered.kind === 'room') {
    if (roomIds.includes(remembered.roomId)) {
      if (remembered.kind === 'table') candidates.push(remembered);
      candidates.push({ kind: 'room', roomId: remembered.roomId });
    }
  }
  candidates.push({ kind: 'lobby' });
  return candidates;
}
