/**
 * The organiser's live occupancy heat map, worked out from the fair as stored (names, order,
 * capacities) and presence snapshots (who is where right now). Pure, so it is tested without
 * React or a socket.
 */
import {
  pickText,
  type Language,
  type LobbyState,
  type PresenceSnapshot,
  type Room,
  type RoomState,
} from '@kohtaamo/protocol';
import type { RealtimeResult } from '../../lib/realtime/result';
import { tableViews } from '../live/room-view';

/** Heat levels from empty (0) to full (4); the stylesheet gives each a colour. */
export const HEAT_LEVELS = 5;
export type HeatLevel = 0 | 1 | 2 | 3 | 4;

/**
 * How full something is, as a level: 0 only when nobody is there and 4 only when it is full,
 * so the two states an organiser acts on (an empty table, a full one) never share a colour
 * with a partly used one. Whatever lies between is split evenly into levels 1–3.
 */
export function heatLevel(count: number, capacity: number): HeatLevel {
  if (count <= 0) return 0;
  if (capacity <= 0 || count >= capacity) return 4;
  const inBetween = HEAT_LEVELS - 2;
  return (1 + Math.min(inBetween - 1, Math.floor((count / capacity) * inBetween))) as HeatLevel;
}

export interface TableHeat {
  id: string;
  name: string;
  seated: number;
  capacity: number;
  locked: boolean;
  closed: boolean;
  level: HeatLevel;
}

export interface RoomHeat {
  id: string;
  name: string;
  /** Everyone in the room: standing and seated. */
  count: number;
  standing: number;
  /** Seats at the room's open tables: what the room's own level is measured against. */
  seats: number;
  level: HeatLevel;
  tables: TableHeat[];
  /** Presence of this room has not been fetched yet; the lobby's count stands in. */
  pending: boolean;
}

export interface OccupancyView {
  rooms: RoomHeat[];
  /** Everyone in a room, standing or seated. */
  inRooms: number;
  stageCount: number;
}

/**
 * The heat map. A room's count comes from its own snapshot when there is one (it also says who
 * sits where) and from the lobby's summary otherwise, so a room whose snapshot failed still
 * shows how many are in it.
 */
export function occupancyView(
  rooms: readonly Room[],
  lobby: LobbyState | null,
  roomStates: ReadonlyMap<string, RoomState>,
  language: Language,
): OccupancyView {
  const lobbyCounts = new Map(lobby?.rooms.map((room) => [room.roomId, room.count]));
  const heat = [...rooms]
    .sort((a, b) => a.position - b.position)
    .map((room): RoomHeat => {
      const state = roomStates.get(room.id) ?? null;
      const tables = tableViews(room.tables, state).map((table) => ({
        id: table.id,
        name: table.name,
        seated: table.seated.length,
        capacity: table.capacity,
        locked: table.locked,
        closed: table.closed,
        level: heatLevel(table.seated.length, table.capacity),
      }));
      const seatedCount = tables.reduce((sum, table) => sum + table.seated, 0);
      const count = state ? state.members.length : (lobbyCounts.get(room.id) ?? 0);
      const seats = tables
        .filter((table) => !table.closed)
        .reduce((sum, table) => sum + table.capacity, 0);
      return {
        id: room.id,
        name: pickText(room.names, language),
        count,
        standing: state ? Math.max(0, count - seatedCount) : 0,
        seats,
        level: heatLevel(count, seats),
        tables,
        pending: state === null,
      };
    });
  return {
    rooms: heat,
    inRooms: heat.reduce((sum, room) => sum + room.count, 0),
    stageCount: lobby?.stageCount ?? 0,
  };
}

export interface OccupancySnapshot {
  lobby: LobbyState | null;
  rooms: ReadonlyMap<string, RoomState>;
  /** When the figures were last fetched (ms since the epoch); null before the first answer. */
  fetchedAtMs: number | null;
  /** The latest round failed in part; what is shown is partly older. */
  failed: boolean;
}

export const EMPTY_OCCUPANCY: OccupancySnapshot = {
  lobby: null,
  rooms: new Map(),
  fetchedAtMs: null,
  failed: false,
};

/** The latest answers, keeping the previous state of any scope whose snapshot failed. */
export function mergeSnapshots(
  previous: OccupancySnapshot,
  answers: readonly RealtimeResult<PresenceSnapshot>[],
  nowMs: number,
): OccupancySnapshot {
  let lobby = previous.lobby;
  const rooms = new Map(previous.rooms);
  for (const answer of answers) {
    if (!answer.ok) continue;
    const snapshot = answer.data;
    if (snapshot.scopeKind === 'lobby') lobby = snapshot.state;
    else rooms.set(snapshot.state.roomId, snapshot.state);
  }
  return { lobby, rooms, fetchedAtMs: nowMs, failed: answers.some((answer) => !answer.ok) };
}
