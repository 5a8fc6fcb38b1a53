import {
  LOBBY_SCOPE,
  roomScope,
  type LobbyState,
  type PresenceSnapshot,
  type RoomState,
  type Scope,
} from '@kohtaamo/protocol';
import { useEffect, useState } from 'react';
import type { RealtimeResult } from '../../lib/realtime/result';
import { useConnectionStore } from '../live/connection-store';
import { liveRequest } from '../live/live-session';

/**
 * How often the dashboard asks presence again while it is open: fresh enough to act on (a table
 * filling up), and light for the server (one lobby and one room snapshot per room each time).
 * The next round starts only when the last has been answered, so a slow server is not piled on.
 */
export const OCCUPANCY_REFRESH_MS = 5_000;

export interface OccupancySnapshot {
  lobby: LobbyState | null;
  rooms: ReadonlyMap<string, RoomState>;
  /** When the figures were last fetched (ms since the epoch); null before the first answer. */
  fetchedAtMs: number | null;
  /** The latest round failed in part; what is shown is partly older. */
  failed: boolean;
}

const EMPTY: OccupancySnapshot = {
  lobby: null,
  rooms: new Map(),
  fetchedAtMs: null,
  failed: false,
};

/** The latest answers, keeping the previous state of any scope whose snapshot failed. */
function merged(
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

/** Live occupancy of the lobby summary and every room, refreshed while connected. */
export function useOccupancy(roomIds: readonly string[]): OccupancySnapshot {
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  const [snapshot, setSnapshot] = useState<OccupancySnapshot>(EMPTY);
  const roomKey = roomIds.join(',');

  useEffect(() => {
    if (!connected) return;
    const scopes: Scope[] = [LOBBY_SCOPE, ...roomKey.split(',').filter(Boolean).map(roomScope)];
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const answers = await Promise.all(
        scopes.map((scope) => liveRequest('presence.snapshot', { scope })),
      );
      if (stopped) return;
      setSnapshot((previous) => merged(previous, answers, Date.now()));
      timer = setTimeout(() => void refresh(), OCCUPANCY_REFRESH_MS);
    };
    void refresh();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [connected, roomKey]);

  return snapshot;
}
