import {
  EMPTY_SYNC,
  type PresenceDiff,
  type PresenceSync,
  presenceReducer,
  type RoomState,
  roomStateOf,
  type Scope,
  scopesToResync,
  ServerEvent,
} from '@kohtaamo/protocol';
import type { LiveClient } from './live-client';

/** How long a hole in a scope's chain may last before a snapshot is fetched, as in the web app. */
const GAP_WAIT_MS = 300;

/**
 * Follows one scope as the web app does, with the same pure reducer: a snapshot, then diffs
 * chained by sequence number, and a fresh snapshot when a hole does not fill by itself.
 */
export class ScopeFollower {
  private sync: PresenceSync = EMPTY_SYNC;
  private readonly timer: NodeJS.Timeout;
  snapshots = 0;

  constructor(
    private readonly client: LiveClient,
    private readonly scope: Scope,
  ) {
    this.sync = presenceReducer(this.sync, { type: 'follow', scopes: [scope] });
    client.socket.on(ServerEvent.diff, (diff: PresenceDiff) => {
      this.sync = presenceReducer(this.sync, { type: 'diff', diff, nowMs: Date.now() });
    });
    this.timer = setInterval(() => {
      if (scopesToResync(this.sync, Date.now(), GAP_WAIT_MS).length > 0) void this.resync();
    }, 50);
  }

  async resync(): Promise<void> {
    this.sync = presenceReducer(this.sync, { type: 'snapshotRequested', scope: this.scope });
    this.snapshots += 1;
    const snapshot = await this.client.ok('presence.snapshot', { scope: this.scope });
    this.sync = presenceReducer(this.sync, { type: 'snapshot', snapshot, nowMs: Date.now() });
  }

  room(roomId: string): RoomState | null {
    return roomStateOf(this.sync, roomId);
  }

  /** Ids of the people this client believes sit at the table, sorted. */
  seatedAt(roomId: string, tableId: string): string[] {
    return (this.room(roomId)?.members ?? [])
      .filter((member) => member.tableId === tableId)
      .map((member) => member.person.id)
      .sort();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
