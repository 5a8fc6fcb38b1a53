import type {
  LobbyState,
  Location,
  PersonRef,
  RoomOccupancy,
  RoomState,
  Scope,
  TableState,
} from '@kohtaamo/protocol';

/** A table as presence needs it: the rules a seat is checked against, and its room. */
export interface TableRules extends TableState {
  roomId: string;
}

/** Where a person is and which connection holds them there. */
export interface Placement {
  location: Location;
  /** The connection that refreshes this placement (`<node>:<socket>`); see `release`. */
  owner: string;
}

/** One scope a change is published to, and the sequence number of its previous diff. */
export interface ScopeStep {
  scope: Scope;
  prevSeq: number;
}

/**
 * One committed change of a person's place. `from`/`to` null mean "not in the fair".
 * `at` is when it took effect: now for a move, the last heartbeat for a reaped placement.
 */
export interface PresenceChange {
  fairId: string;
  person: PersonRef;
  from: Location | null;
  to: Location | null;
  /** The fair's sequence number of this change. */
  seq: number;
  /** The scopes that must hear of it: the lobby when room or stage counts changed, each room. */
  scopes: ScopeStep[];
  /** Occupancy after the change of every room whose count or sample changed. */
  rooms: RoomOccupancy[];
  stageCount: number;
  at: number;
}

/** A change of a table's rules, published to its room. */
export interface TableChange {
  fairId: string;
  roomId: string;
  table: TableState;
  seq: number;
  prevSeq: number;
}

export type MoveRefusal = 'TABLE_FULL' | 'TABLE_LOCKED' | 'TABLE_CLOSED' | 'TABLE_UNKNOWN';

export type MoveResult =
  | { ok: true; change: PresenceChange | null; placement: Placement }
  | { ok: false; code: MoveRefusal };

export interface MoveInput {
  fairId: string;
  person: PersonRef;
  to: Location;
  /** Becomes the placement's owner. */
  owner: string;
  now: number;
  /**
   * Seats the person even at a locked table (capacity and closed still hold): the lock was
   * holding this seat for them while everyone was on the stage.
   */
  throughLock?: boolean;
}

export interface Snapshot<State> {
  seq: number;
  state: State;
}

/**
 * Who is where right now. Ephemeral: everything here heals from the live connections.
 *
 * Every placement expires `ttlMs` after its last refresh; the node holding the connection
 * refreshes it with `heartbeat`. When a node dies its placements stop being refreshed, a table
 * no longer counts them as seated, and any node's `reap` removes them.
 */
export interface Presence {
  /**
   * Sets the rules of tables (capacity, lock, closed, room). Returns a change for every table
   * whose rules were known and differ, so its room hears of it.
   */
  configureTables(fairId: string, tables: TableRules[]): Promise<TableChange[]>;
  /**
   * Moves a person atomically: expired seats are dropped, then closed, locked (unless already
   * seated there, or `throughLock`) and capacity are checked, and the person leaves wherever they were. Moving to
   * the place one is already in changes nothing (`change: null`) but takes ownership.
   * `TABLE_UNKNOWN` means the rules of the table are not configured (e.g. after a Redis
   * restart): configure it and try again.
   */
  move(input: MoveInput): Promise<MoveResult>;
  /**
   * Removes a person from the fair. With `owner`, only when that connection still holds them,
   * so a stale connection cannot remove a person another tab or node has taken over.
   */
  release(input: {
    fairId: string;
    personId: string;
    owner?: string;
    now: number;
  }): Promise<PresenceChange | null>;
  /** Makes `owner` the holder of the person's placement and refreshes it; null if not placed. */
  adopt(input: {
    fairId: string;
    personId: string;
    owner: string;
    now: number;
  }): Promise<Placement | null>;
  whereIs(fairId: string, personId: string): Promise<Placement | null>;
  /** Refreshes the placements; returns the ids of people who are not placed any more. */
  heartbeat(fairId: string, personIds: readonly string[], now: number): Promise<string[]>;
  /** Removes every placement that expired before `now`, in every fair. */
  reap(now: number): Promise<PresenceChange[]>;
  lobby(fairId: string, roomIds: readonly string[]): Promise<Snapshot<LobbyState>>;
  room(fairId: string, roomId: string): Promise<Snapshot<RoomState>>;
  close(): Promise<void>;
}

export interface PresenceOptions {
  /** How long a placement lives without a heartbeat. */
  ttlMs: number;
}
