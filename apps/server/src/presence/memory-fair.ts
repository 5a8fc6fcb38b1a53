import {
  LOBBY_SCOPE,
  ROOM_SAMPLE_SIZE,
  roomScope,
  type LobbyState,
  type Location,
  type PersonRef,
  type RoomOccupancy,
  type RoomState,
  type Scope,
} from '@kohtaamo/protocol';
import { canonicalLocation, decideMove, reachOf, roomOf, sameSeatRules } from '../domain/seating';
import type {
  MoveInput,
  MoveResult,
  Placement,
  PresenceChange,
  ScopeStep,
  Snapshot,
  TableChange,
  TableRules,
} from './types';
import { compareIds, copyPerson, copyRules, tableState, tablesOfRoom } from './records';

interface Entry {
  person: PersonRef;
  location: Location;
  owner: string;
  expiresAt: number;
  /** Kept while moving between the room's tables, so the room's sample does not reshuffle. */
  enteredRoomAt: number;
}

/**
 * One fair's presence held in process. Every method runs to completion without awaiting, so
 * concurrent calls on one node cannot interleave inside a move.
 */
export class MemoryFair {
  private readonly entries = new Map<string, Entry>();
  /**
   * The same entries indexed by room, table and stage, so a move or a snapshot costs in
   * proportion to the room it touches, not to the whole fair.
   */
  private readonly byRoom = new Map<string, Set<Entry>>();
  private readonly byTable = new Map<string, Set<Entry>>();
  private readonly onStage = new Set<Entry>();
  private readonly tables = new Map<string, TableRules>();
  private readonly lastSeqOf = new Map<Scope, number>();
  private seq = 0;

  constructor(
    private readonly fairId: string,
    private readonly ttlMs: number,
  ) {}

  configureTables(tables: readonly TableRules[]): TableChange[] {
    const changes: TableChange[] = [];
    for (const given of tables) {
      const rules = copyRules(given);
      const known = this.tables.get(rules.tableId);
      this.tables.set(rules.tableId, rules);
      if (!known || sameSeatRules(known, rules)) continue;
      const { seq, scopes } = this.advance([roomScope(rules.roomId)]);
      changes.push({
        fairId: this.fairId,
        roomId: rules.roomId,
        table: tableState(rules),
        seq,
        prevSeq: scopes[0]?.prevSeq ?? 0,
      });
    }
    return changes;
  }

  move(input: MoveInput): MoveResult {
    const { person, owner, now } = input;
    const to = canonicalLocation(input.to);
    const current = this.entries.get(person.id);
    let seated = 0;
    let seatedHere = false;
    if (to.kind === 'table') {
      for (const entry of this.byTable.get(to.tableId) ?? []) {
        if (entry.expiresAt < now) continue;
        seated += 1;
        if (entry.person.id === person.id) seatedHere = true;
      }
    }
    const decision = decideMove({
      from: current?.location ?? null,
      to,
      table: to.kind === 'table' ? this.tables.get(to.tableId) : undefined,
      seated,
      seatedHere,
      throughLock: input.throughLock,
    });
    if (decision.kind === 'refuse') return { ok: false, code: decision.code };
    if (decision.kind === 'stay' && current) {
      current.owner = owner;
      current.expiresAt = now + this.ttlMs;
      return { ok: true, change: null, placement: placementOf(current) };
    }
    const change = this.commit(person, current, { location: to, owner }, now, now);
    return { ok: true, change, placement: { location: canonicalLocation(to), owner } };
  }

  release(personId: string, owner: string | undefined, now: number): PresenceChange | null {
    const current = this.entries.get(personId);
    if (!current || (owner !== undefined && current.owner !== owner)) return null;
    return this.commit(current.person, current, null, now, now);
  }

  adopt(personId: string, owner: string, now: number): Placement | null {
    const current = this.entries.get(personId);
    // An expired seat may already be someone else's: the owner has to move in again.
    if (!current || current.expiresAt < now) return null;
    current.owner = owner;
    current.expiresAt = now + this.ttlMs;
    return placementOf(current);
  }

  whereIs(personId: string): Placement | null {
    const current = this.entries.get(personId);
    return current ? placementOf(current) : null;
  }

  heartbeat(personIds: readonly string[], now: number): string[] {
    const missing: string[] = [];
    for (const id of personIds) {
      const current = this.entries.get(id);
      if (!current || current.expiresAt < now) missing.push(id);
      else current.expiresAt = now + this.ttlMs;
    }
    return missing;
  }

  reap(now: number): PresenceChange[] {
    const expired = [...this.entries.values()]
      .filter((entry) => entry.expiresAt < now)
      .sort((a, b) => a.expiresAt - b.expiresAt || compareIds(a.person.id, b.person.id));
    // The person was last seen at their last refresh, not when someone noticed they were gone.
    return expired.map((entry) =>
      this.commit(entry.person, entry, null, now, entry.expiresAt - this.ttlMs),
    );
  }

  lobby(roomIds: readonly string[]): Snapshot<LobbyState> {
    return {
      seq: this.lastSeqOf.get(LOBBY_SCOPE) ?? 0,
      state: { rooms: roomIds.map((id) => this.occupancy(id)), stageCount: this.stageCount() },
    };
  }

  room(roomId: string): Snapshot<RoomState> {
    const members = this.membersOf(roomId).map((entry) => ({
      person: copyPerson(entry.person),
      tableId: entry.location.kind === 'table' ? entry.location.tableId : null,
    }));
    const tables = tablesOfRoom(this.tables.values(), roomId);
    return { seq: this.lastSeqOf.get(roomScope(roomId)) ?? 0, state: { roomId, members, tables } };
  }

  private commit(
    person: PersonRef,
    current: Entry | undefined,
    next: Placement | null,
    now: number,
    at: number,
  ): PresenceChange {
    const from = current?.location ?? null;
    const to = next?.location ?? null;
    const reach = reachOf(from, to);
    if (current) this.unindex(current);
    if (next) {
      const room = roomOf(to);
      const staysInRoom = current !== undefined && room !== null && room === roomOf(from);
      const entry: Entry = {
        person: copyPerson(person),
        location: next.location,
        owner: next.owner,
        expiresAt: now + this.ttlMs,
        enteredRoomAt: staysInRoom ? current.enteredRoomAt : now,
      };
      this.entries.set(person.id, entry);
      this.index(entry);
    } else {
      this.entries.delete(person.id);
    }
    const { seq, scopes } = this.advance(reach.scopes);
    return {
      fairId: this.fairId,
      person: copyPerson(person),
      from: from && canonicalLocation(from),
      to: to && canonicalLocation(to),
      seq,
      scopes,
      rooms: reach.rooms.map((id) => this.occupancy(id)),
      stageCount: this.stageCount(),
      at,
    };
  }

  /** Takes the fair's next sequence number and chains each scope's previous diff to it. */
  private advance(scopes: readonly Scope[]): { seq: number; scopes: ScopeStep[] } {
    this.seq += 1;
    const steps = scopes.map((scope) => ({ scope, prevSeq: this.lastSeqOf.get(scope) ?? 0 }));
    for (const scope of scopes) this.lastSeqOf.set(scope, this.seq);
    return { seq: this.seq, scopes: steps };
  }

  private index(entry: Entry): void {
    const { location } = entry;
    if (location.kind === 'stage') this.onStage.add(entry);
    if (location.kind === 'table') addTo(this.byTable, location.tableId, entry);
    const room = roomOf(location);
    if (room) addTo(this.byRoom, room, entry);
  }

  private unindex(entry: Entry): void {
    const { location } = entry;
    this.onStage.delete(entry);
    if (location.kind === 'table') removeFrom(this.byTable, location.tableId, entry);
    const room = roomOf(location);
    if (room) removeFrom(this.byRoom, room, entry);
  }

  private membersOf(roomId: string): Entry[] {
    return [...(this.byRoom.get(roomId) ?? [])].sort(
      (a, b) => a.enteredRoomAt - b.enteredRoomAt || compareIds(a.person.id, b.person.id),
    );
  }

  private occupancy(roomId: string): RoomOccupancy {
    const members = this.membersOf(roomId);
    const sample = members.slice(0, ROOM_SAMPLE_SIZE).map((entry) => copyPerson(entry.person));
    return { roomId, count: members.length, sample };
  }

  private stageCount(): number {
    return this.onStage.size;
  }
}

function addTo(index: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const entries = index.get(key);
  if (entries) entries.add(entry);
  else index.set(key, new Set([entry]));
}

function removeFrom(index: Map<string, Set<Entry>>, key: string, entry: Entry): void {
  const entries = index.get(key);
  entries?.delete(entry);
  if (entries?.size === 0) index.delete(key);
}

function placementOf(entry: Entry): Placement {
  return { location: canonicalLocation(entry.location), owner: entry.owner };
}
