import { LOBBY_SCOPE, roomScope, type Scope } from '@kohtaamo/protocol';
import { useEffect, useState } from 'react';
import { useConnectionStore } from '../live/connection-store';
import { liveRequest } from '../live/live-session';
import { EMPTY_OCCUPANCY, mergeSnapshots, type OccupancySnapshot } from './occupancy';

/**
 * How often the dashboard asks presence again while it is open: fresh enough to act on (a table
 * filling up), and light for the server (one lobby and one room snapshot per room each time).
 * The next round starts only when the last has been answered, so a slow server is not piled on.
 */
export const OCCUPANCY_REFRESH_MS = 5_000;

/** Live occupancy of the lobby summary and every room, refreshed while connected. */
export function useOccupancy(roomIds: readonly string[]): OccupancySnapshot {
  const connected = useConnectionStore((state) => state.status.kind === 'connected');
  const [snapshot, setSnapshot] = useState<OccupancySnapshot>(EMPTY_OCCUPANCY);
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
      setSnapshot((previous) => mergeSnapshots(previous, answers, Date.now()));
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
