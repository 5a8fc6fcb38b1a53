/**
 * Presence as plain data: per followed scope, the last known state, its sequence number and the
 * diffs that arrived too early. Pure functions only; the store and the timers live elsewhere.
 *
 * Diffs of one scope form a chain (`prevSeq` → `seq`). Diffs published by different server
 * nodes can cross on the way, so a diff whose predecessor has not arrived waits in `pending`;
 * if the hole is still there after a short wait, the caller fetches a snapshot
 * (`scopesToResync`), and the snapshot takes over, followed by the pending diffs newer than it.
 */
import {
  LOBBY_SCOPE,
  roomScope,
  type LobbyChange,
  type LobbyState,
  type PresenceDiff,
  type PresenceSnapshot,
  type RoomChange,
  type RoomState,
  type Scope,
} from './realtime';

export type ScopeView =
  { scopeKind: 'lobby'; state: LobbyState } | { scopeKind: 'room'; state: RoomState };

export interface ScopeSync {
  scope: Scope;
  /** The sequence number `view` is at; null until the first snapshot arrives. */
  seq: number | null;
  view: ScopeView | null;
  /** Diffs waiting for their predecessors (or for the first snapshot), by ascending `seq`. */
  pending: readonly PresenceDiff[];
  /** When the current hole in the chain was first seen; null when there is none to wait on. */
  gapSinceMs: number | null;
  /** A snapshot has been asked for and not answered yet. */
  loading: boolean;
}

/** The scopes this client follows, by scope name (`lobby`, `room:<id>`). */
export interface PresenceSync {
  scopes: Readonly<Record<string, ScopeSync>>;
}

export type PresenceAction =
  /** Follow exactly these scopes: new ones start empty, others are forgotten. */
  | { type: 'follow'; scopes: readonly Scope[] }
  | { type: 'snapshotRequested'; scope: Scope }
  | { type: 'snapshotFailed'; scope: Scope }
  | { type: 'snapshot'; snapshot: PresenceSnapshot; nowMs: number }
  | { type: 'diff'; diff: PresenceDiff; nowMs: number };

export const EMPTY_SYNC: PresenceSync = { scopes: {} };

/**
 * A snapshot is due long before this many diffs pile up; the cap only keeps memory bounded if
 * snapshots keep failing. Dropping the oldest is safe: the snapshot replaces them anyway.
 */
export const MAX_PENDING_DIFFS = 200;

function emptyScope(scope: Scope): ScopeSync {
  return { scope, seq: null, view: null, pending: [], gapSinceMs: null, loading: false };
}

/**
 * Whether a diff continues from `seq`. Usually `prevSeq === seq`; `prevSeq < seq` also chains,
 * because a snapshot may be numbered after the scope's last diff (the numbers are fair-wide),
 * and no diff of this scope lies between `prevSeq` and the diff itself.
 */
function chainsOnto(diff: PresenceDiff, seq: number): boolean {
  return diff.prevSeq <= seq && diff.seq > seq;
}

function applyLobbyChange(state: LobbyState, change: LobbyChange): LobbyState {
  // Only the rooms whose occupancy changed are sent, each with its absolute values.
  const changed = new Map(change.rooms.map((room) => [room.roomId, room]));
  const rooms = state.rooms.map((room) => changed.get(room.roomId) ?? room);
  const known = new Set(state.rooms.map((room) => room.roomId));
  for (const room of change.rooms) if (!known.has(room.roomId)) rooms.push(room);
  return { rooms, stageCount: change.stageCount };
}

function replaceOrAppend<T>(items: readonly T[], item: T, same: (other: T) => boolean): T[] {
  const index = items.findIndex(same);
  if (index === -1) return [...items, item];
  return items.map((other, i) => (i === index ? item : other));
}

function applyRoomChange(state: RoomState, change: RoomChange): RoomState {
  if (change.kind === 'table') {
    const { table } = change;
    return {
      ...state,
      tables: replaceOrAppend(state.tables, table, (other) => other.tableId === table.tableId),
    };
  }
  const { person, present, tableId } = change;
  const isPerson = (member: { person: { id: string } }) => member.person.id === person.id;
  const members = present
    ? replaceOrAppend(state.members, { person, tableId }, isPerson)
    : state.members.filter((member) => !isPerson(member));
  return { ...state, members };
}

function applyDiff(view: ScopeView, diff: PresenceDiff): ScopeView {
  if (view.scopeKind === 'lobby' && diff.scopeKind === 'lobby') {
    return { scopeKind: 'lobby', state: applyLobbyChange(view.state, diff.change) };
  }
  if (view.scopeKind === 'room' && diff.scopeKind === 'room') {
    return { scopeKind: 'room', state: applyRoomChange(view.state, diff.change) };
  }
  return view; // a diff of another kind of scope cannot belong here
}

/** Adds a diff to the waiting list, in order, once. */
function withPending(pending: readonly PresenceDiff[], diff: PresenceDiff): PresenceDiff[] {
  if (pending.some((other) => other.seq === diff.seq)) return [...pending];
  const next = [...pending, diff].sort((a, b) => a.seq - b.seq);
  return next.slice(Math.max(0, next.length - MAX_PENDING_DIFFS));
}

/** Applies every waiting diff that now continues the chain; keeps the rest waiting. */
function drain(entry: ScopeSync, nowMs: number): ScopeSync {
  if (entry.seq === null || entry.view === null) return entry;
  let { seq, view } = entry;
  const waiting: PresenceDiff[] = [];
  for (const diff of entry.pending) {
    if (diff.seq <= seq) continue; // already part of the state
    if (chainsOnto(diff, seq)) {
      view = applyDiff(view, diff);
      seq = diff.seq;
    } else {
      waiting.push(diff);
    }
  }
  const hasGap = waiting.length > 0 && !entry.loading;
  return {
    ...entry,
    seq,
    view,
    pending: waiting,
    gapSinceMs: hasGap ? (entry.gapSinceMs ?? nowMs) : null,
  };
}

function withScope(sync: PresenceSync, scope: string, entry: ScopeSync): PresenceSync {
  return { scopes: { ...sync.scopes, [scope]: entry } };
}

function receiveDiff(sync: PresenceSync, diff: PresenceDiff, nowMs: number): PresenceSync {
  const entry = sync.scopes[diff.scope];
  if (!entry) return sync; // not followed (any more): a later snapshot covers it if needed
  if (entry.seq !== null && diff.seq <= entry.seq) return sync; // a duplicate
  return withScope(
    sync,
    diff.scope,
    drain({ ...entry, pending: withPending(entry.pending, diff) }, nowMs),
  );
}

function receiveSnapshot(
  sync: PresenceSync,
  snapshot: PresenceSnapshot,
  nowMs: number,
): PresenceSync {
  const entry = sync.scopes[snapshot.scope];
  if (!entry) return sync; // an answer for a scope we have left since asking
  const view: ScopeView =
    snapshot.scopeKind === 'lobby'
      ? { scopeKind: 'lobby', state: snapshot.state }
      : { scopeKind: 'room', state: snapshot.state };
  const next: ScopeSync = { ...entry, seq: snapshot.seq, view, loading: false, gapSinceMs: null };
  return withScope(sync, snapshot.scope, drain(next, nowMs));
}

function follow(sync: PresenceSync, scopes: readonly Scope[]): PresenceSync {
  const current = Object.keys(sync.scopes);
  if (current.length === scopes.length && scopes.every((scope) => scope in sync.scopes)) {
    return sync;
  }
  return { scopes: Object.fromEntries(scopes.map((s) => [s, sync.scopes[s] ?? emptyScope(s)])) };
}

export function presenceReducer(sync: PresenceSync, action: PresenceAction): PresenceSync {
  switch (action.type) {
    case 'follow':
      return follow(sync, action.scopes);
    case 'snapshotRequested': {
      const entry = sync.scopes[action.scope];
      // While a snapshot is on its way a hole is not waited on: the snapshot will fill it.
      return entry
        ? withScope(sync, action.scope, { ...entry, loading: true, gapSinceMs: null })
        : sync;
    }
    case 'snapshotFailed': {
      const entry = sync.scopes[action.scope];
      return entry ? withScope(sync, action.scope, { ...entry, loading: false }) : sync;
    }
    case 'snapshot':
      return receiveSnapshot(sync, action.snapshot, action.nowMs);
    case 'diff':
      return receiveDiff(sync, action.diff, action.nowMs);
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}

/** Scopes whose hole has lasted `waitMs` and that need a snapshot now. */
export function scopesToResync(sync: PresenceSync, nowMs: number, waitMs: number): Scope[] {
  return Object.values(sync.scopes)
    .filter((entry) => entry.gapSinceMs !== null && nowMs - entry.gapSinceMs >= waitMs)
    .map((entry) => entry.scope);
}

/** When the next scope's wait runs out, or null if nothing is waiting. */
export function nextResyncAtMs(sync: PresenceSync, waitMs: number): number | null {
  const times = Object.values(sync.scopes).flatMap((entry) =>
    entry.gapSinceMs === null ? [] : [entry.gapSinceMs + waitMs],
  );
  return times.length === 0 ? null : Math.min(...times);
}

export function lobbyStateOf(sync: PresenceSync): LobbyState | null {
  const view = sync.scopes[LOBBY_SCOPE]?.view;
  return view?.scopeKind === 'lobby' ? view.state : null;
}

export function roomStateOf(sync: PresenceSync, roomId: string): RoomState | null {
  const view = sync.scopes[roomScope(roomId)]?.view;
  return view?.scopeKind === 'room' ? view.state : null;
}
