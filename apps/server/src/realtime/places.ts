import {
  type Destination,
  LOBBY_SCOPE,
  type Location,
  type Role,
  type Scope,
  type Self,
  roomScope,
} from '@kohtaamo/protocol';
import type { FairLayout } from './layout';
import { RealtimeError } from './realtime-error';

/** Turns where a person asks to go into a place of this fair, or refuses with NOT_FOUND. */
export function resolveDestination(destination: Destination, layout: FairLayout): Location {
  switch (destination.kind) {
    case 'lobby':
    case 'stage':
      return destination;
    case 'room':
      if (!layout.roomIds.includes(destination.roomId)) {
        throw new RealtimeError('NOT_FOUND', 'No such room in this fair');
      }
      return destination;
    case 'table': {
      const table = layout.tables.get(destination.tableId);
      if (!table) throw new RealtimeError('NOT_FOUND', 'No such table in this fair');
      return { kind: 'table', roomId: table.roomId, tableId: table.tableId };
    }
    default:
      return unreachable(destination);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled destination ${JSON.stringify(value)}`);
}

/** The presence scope a person in this place follows: the lobby, their room, or none. */
export function scopeOf(location: Location): Scope | null {
  switch (location.kind) {
    case 'lobby':
      return LOBBY_SCOPE;
    case 'room':
    case 'table':
      return roomScope(location.roomId);
    case 'stage':
      return null;
  }
}

export function selfAt(location: Location): Self {
  return { location, scope: scopeOf(location) };
}

export function roomIdOf(location: Location | null): string | undefined {
  return location?.kind === 'room' || location?.kind === 'table' ? location.roomId : undefined;
}

export function tableIdOf(location: Location | null): string | undefined {
  return location?.kind === 'table' ? location.tableId : undefined;
}

/** Socket.IO room names. Room and table ids are uuids, unique across fairs. */
export const socketRooms = {
  fair: (fairId: string) => `fair:${fairId}`,
  lobby: (fairId: string) => `lobby:${fairId}`,
  room: (roomId: string) => `room:${roomId}`,
  table: (tableId: string) => `table:${tableId}`,
  person: (personId: string) => `person:${personId}`,
  /** Organisers of a fair: the dashboard's live feed (moderation log, help queues). */
  organisers: (fairId: string) => `organisers:${fairId}`,
  /** Facilitators of a room (organisers hear through their own room). */
  facilitators: (roomId: string) => `facilitators:${roomId}`,
} as const;

/**
 * The socket rooms of the people who run the fair, joined at connection from the role the
 * handshake saw. Permissions are checked afresh on every action; these only route news.
 */
export function staffRooms(fairId: string, role: Role, facilitatorRoomIds: readonly string[]) {
  if (role === 'organiser') return [socketRooms.organisers(fairId)];
  if (role === 'facilitator') return facilitatorRoomIds.map(socketRooms.facilitators);
  return [];
}

/** The socket rooms that a person in this place listens to, besides their fair and person. */
export function placeRooms(fairId: string, location: Location | null): string[] {
  if (!location) return [];
  switch (location.kind) {
    case 'lobby':
      return [socketRooms.lobby(fairId)];
    case 'stage':
      return [];
    case 'room':
      return [socketRooms.room(location.roomId)];
    case 'table':
      return [socketRooms.room(location.roomId), socketRooms.table(location.tableId)];
  }
}

/** Socket rooms that follow a place and so change when the person moves. */
export function isPlaceRoom(name: string): boolean {
  return name.startsWith('lobby:') || name.startsWith('room:') || name.startsWith('table:');
}
