import {
  type Destination,
  LOBBY_SCOPE,
  type Location,
  type PersonRef,
  type PresenceSnapshot,
  type RoomMember,
  type RoomState,
  type Scope,
  type Self,
} from '@kohtaamo/protocol';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { MoveRefusal, MoveResult, PresenceChange, Presence } from '../presence/types';
import { StoreUnavailableError } from '../store/errors';
import type { Store } from '../store/types';
import type { Fanout } from './fanout';
import type { Member } from './handshake';
import { createHoldings, type Holding } from './holdings';
import type { FairLayout, LayoutCache } from './layout';
import { resolveDestination, roomIdOf, selfAt, tableIdOf } from './places';
import { RealtimeError, refusalMessages } from './realtime-error';
import { recordSeat, recordSeatInBackground } from './seat-records';

export interface LivePresenceDeps {
  presence: Presence;
  store: Store;
  layouts: LayoutCache;
  fanout: Fanout;
  logger: Logger;
  metrics: Metrics;
  nowMs: () => number;
  /** How long a dropped connection keeps its place before it is freed. */
  reconnectGraceMs: number;
  /** Told after a freed seat's interval is stored, so meetings can follow. */
  onSeatFreed?: (fairId: string, personId: string, tableId: string) => void;
}

/** Why a connection ended, as far as its place is concerned. */
export type Departure =
  /** Another tab took over, or this node is shutting down: someone else refreshes the place. */
  | 'handed-over'
  /** The person left on purpose. */
  | 'left'
  /** The network dropped; the place is kept for the grace period. */
  | 'dropped';

const LOBBY: Location = { kind: 'lobby' };

/**
 * The node's side of presence: places people, writes their seat intervals, publishes diffs,
 * keeps the places of its connections alive and frees them when they are gone for good.
 * Socket.IO stays outside: connections arrive here as a member and an owner string.
 */
export function createLivePresence(deps: LivePresenceDeps) {
  const { presence, store, layouts, fanout, logger } = deps;
  const holdings = createHoldings();
  const configuredLayouts = new Map<string, FairLayout>();

  /**
   * Pushes the tables' rules to presence once per layout the cache loads. A load overtaken by a
   * newer one (the layout changed while it read the store) is never pushed, as its rules could
   * undo the change (the locks of a stage call, say) until the next reload: the newest is.
   */
  async function layoutWithRules(fairId: string, force = false): Promise<FairLayout> {
    let layout = await layouts.get(fairId);
    while (!layouts.isCurrent(fairId, layout)) layout = await layouts.get(fairId);
    if (force || configuredLayouts.get(fairId) !== layout) {
      const changes = await presence.configureTables(fairId, [...layout.tables.values()]);
      configuredLayouts.set(fairId, layout);
      for (const change of changes) fanout.publishTable(change);
    }
    return layout;
  }

  async function place(member: Member, owner: string, to: Location) {
    const input = { fairId: member.fairId, person: member.person, to, owner, now: deps.nowMs() };
    let result = await presence.move(input);
    if (!result.ok && result.code === 'TABLE_UNKNOWN') {
      // Presence lost the table's rules (a Redis restart) or has not seen the table yet.
      await layoutWithRules(member.fairId, true);
      result = await presence.move({ ...input, now: deps.nowMs() });
    }
    return result;
  }

  /**
   * Publishes a committed change, and keeps this node's idea of where the person is in step.
   * `moveSockets: false` when the person's own connection asked and its handler moves it: a
   * person has one connection, and moving it through the adapter would cost every node a
   * message through Redis for nothing.
   */
  function announce(change: PresenceChange, moveSockets = true): void {
    const holding = holdings.find(change.fairId, change.person.id);
    if (holding && change.to) holding.location = change.to;
    if (moveSockets) fanout.follow(change.fairId, change.person.id, change.from, change.to);
    fanout.publish(change);
    // Every announced change has had its seat interval written, so the freed seat is on record.
    const freedTable = tableIdOf(change.from);
    if (freedTable && freedTable !== tableIdOf(change.to)) {
      deps.onSeatFreed?.(change.fairId, change.person.id, freedTable);
    }
  }

  /**
   * Keeps the place of a connection alive from now on, unless the connection ended while its
   * place was being settled: its `disconnected` has run already, and a holding made now would be
   * refreshed, and put back after the person left, for ever. Without one, the place expires and
   * the reaper frees it, or the person's newer connection (the one that replaced it) owns it.
   */
  function holdOpen(
    input: { member: Member; owner: string; location: Location },
    isOpen: () => boolean,
  ) {
    if (isOpen()) holdings.hold(input);
  }

  /** Puts a person back where they were (or as near as the rules allow) after losing the place. */
  async function restore(holding: Holding): Promise<void> {
    const { member, owner } = holding;
    const candidates: Location[] = [holding.location];
    const roomId = roomIdOf(holding.location);
    if (holding.location.kind === 'table' && roomId) candidates.push({ kind: 'room', roomId });
    candidates.push(LOBBY);
    for (const to of candidates) {
      const result = await place(member, owner, to);
      if (!result.ok) continue;
      holding.location = result.placement.location;
      if (result.change) {
        await recordSeatInBackground(store, logger, result.change);
        announce(result.change);
      }
      fanout.tellSelf(member.person.id, selfAt(holding.location));
      return;
    }
  }

  /** Puts the person back where they were when their move could not be stored. */
  async function undo(member: Member, owner: string, change: PresenceChange): Promise<void> {
    const back = await place(member, owner, change.from ?? LOBBY);
    const settled = back.ok ? back : await place(member, owner, LOBBY);
    if (!settled.ok || !settled.change) return;
    const landed = settled.placement.location;
    // The store holds the seat of `change.from` (the write failed) or of `change.to` (it
    // committed and only its answer was lost). Recording the way back from `change.to` is right
    // in both cases when the person lands at a table (opening one ends any other; at worst the
    // old sitting is split in two, which meetings count as one). One try: the store is failing.
    await recordSeat(store, { ...settled.change, from: change.to }).catch((err: unknown) => {
      logger.warn({ err, personId: member.person.id }, 'could not record an undone seat');
    });
    // Landing off a table (their seat was taken meanwhile), the seat they had must still end,
    // or its interval stays open for ever; retried, as nobody waits for it.
    const fromTable = tableIdOf(change.from);
    if (fromTable && !tableIdOf(landed)) {
      void recordSeatInBackground(store, logger, { ...settled.change, from: change.from });
    }
    // Nobody saw the undone change; its missing sequence number makes clients resync.
    announce(settled.change);
  }

  /** Moves everyone in the room who matches to `to`, telling them why their place changed. */
  async function evacuate(
    fairId: string,
    roomId: string,
    leaving: (member: RoomMember) => boolean,
    to: Location,
  ): Promise<void> {
    const { state } = await presence.room(fairId, roomId);
    for (const { person } of state.members.filter(leaving)) {
      const placement = await presence.whereIs(fairId, person.id);
      if (placement) await relocate(fairId, person, placement.owner, to);
    }
  }

  /** Moves someone who did not ask to move, keeping their connection as the owner. */
  async function relocate(
    fairId: string,
    person: PersonRef,
    owner: string,
    to: Location,
    throughLock = false,
  ): Promise<MoveResult> {
    const now = deps.nowMs();
    const result = await presence.move({ fairId, person, to, owner, now, throughLock });
    if (!result.ok || !result.change) return result;
    await recordSeatInBackground(store, logger, result.change);
    announce(result.change);
    fanout.tellSelf(person.id, selfAt(to));
    return result;
  }

  async function free(holding: Holding, leftAtMs: number): Promise<void> {
    holdings.remove(holding);
    const change = await presence.release({
      fairId: holding.member.fairId,
      personId: holding.member.person.id,
      owner: holding.owner,
      now: deps.nowMs(),
    });
    if (!change) return;
    await recordSeatInBackground(store, logger, change, leftAtMs);
    announce(change);
  }

  return {
    /**
     * A connection arrived: it takes over the person's place, or enters the lobby. `isOpen` says
     * whether the connection is still there when the place is settled (see `holdOpen`).
     */
    async connect(member: Member, owner: string, isOpen: () => boolean): Promise<Self> {
      const adopted = await presence.adopt({
        fairId: member.fairId,
        personId: member.person.id,
        owner,
        now: deps.nowMs(),
      });
      let location = adopted?.location;
      if (!location) {
        const result = await place(member, owner, LOBBY);
        if (!result.ok) throw new Error(`Entering the lobby was refused: ${result.code}`);
        location = result.placement.location;
        // An expired place that nobody reaped yet is left here, so its seat interval ends too.
        if (result.change) {
          await recordSeatInBackground(store, logger, result.change);
          announce(result.change);
        }
      }
      holdOpen({ member, owner, location }, isOpen);
      return selfAt(location);
    },

    async go(
      member: Member,
      owner: string,
      destination: Destination,
      isOpen: () => boolean,
    ): Promise<Self> {
      const layout = await layoutWithRules(member.fairId);
      const to = resolveDestination(destination, layout);
      const result = await place(member, owner, to);
      if (!result.ok) {
        if (result.code === 'TABLE_UNKNOWN') throw new RealtimeError('NOT_FOUND', 'No such table');
        throw new RealtimeError(result.code, refusalMessages[result.code]);
      }
      const { change } = result;
      if (change) {
        try {
          await recordSeat(store, change);
        } catch (err) {
          await undo(member, owner, change);
          throw err instanceof StoreUnavailableError
            ? new RealtimeError('STORE_UNAVAILABLE', 'The seat could not be saved; try again')
            : err;
        }
        announce(change, false);
      }
      holdOpen({ member, owner, location: result.placement.location }, isOpen);
      return selfAt(result.placement.location);
    },

    async self(member: Member): Promise<Self> {
      const placement = await presence.whereIs(member.fairId, member.person.id);
      return selfAt(placement?.location ?? LOBBY);
    },

    async snapshot(member: Member, scope: Scope): Promise<PresenceSnapshot> {
      const layout = await layoutWithRules(member.fairId);
      if (scope === LOBBY_SCOPE) {
        const { seq, state } = await presence.lobby(member.fairId, layout.roomIds);
        return { scopeKind: 'lobby', scope: LOBBY_SCOPE, seq, state };
      }
      const roomId = scope.slice('room:'.length);
      if (!layout.roomIds.includes(roomId)) {
        throw new RealtimeError('NOT_FOUND', 'No such room in this fair');
      }
      const { seq, state } = await presence.room(member.fairId, roomId);
      return { scopeKind: 'room', scope, seq, state };
    },

    /** A connection ended; what happens to the place depends on why. */
    disconnected(member: Member, owner: string, departure: Departure): void {
      const holding = holdings.find(member.fairId, member.person.id);
      if (!holding || holding.owner !== owner) return;
      if (departure === 'handed-over') {
        holdings.remove(holding);
        return;
      }
      const leftAtMs = deps.nowMs();
      if (departure === 'left') {
        void free(holding, leftAtMs).catch((err: unknown) =>
          logger.error({ err }, 'could not free the place of a person who left'),
        );
        return;
      }
      holdings.startGrace(holding, leftAtMs, deps.reconnectGraceMs, () => {
        void free(holding, leftAtMs).catch((err: unknown) =>
          logger.error({ err }, 'could not free the place of a dropped connection'),
        );
      });
    },

    /** Refreshes the places this node holds; restores the ones presence lost. */
    async heartbeat(): Promise<void> {
      for (const [fairId, people] of holdings.byFair()) {
        const missing = await presence.heartbeat(fairId, [...people.keys()], deps.nowMs());
        for (const personId of missing) {
          const holding = people.get(personId);
          if (!holding) continue;
          if (holding.graceTimer) holdings.remove(holding);
          else await restore(holding);
        }
      }
      deps.metrics.seatsTaken.set(holdings.seatedCount());
    },

    /** Frees the places nobody refreshes any more (their node died) and closes their seats. */
    async reap(): Promise<void> {
      for (const change of await presence.reap(deps.nowMs())) {
        await recordSeatInBackground(store, logger, change);
        announce(change);
      }
    },

    /**
     * Rooms or tables changed: reload them and tell rooms whose tables' rules changed. The node
     * that made the change also takes the people off deleted rooms and tables; the others
     * (`evacuate: false`) only reload, and only if they serve the fair.
     */
    async layoutChanged(fairId: string, options = { evacuate: true }): Promise<void> {
      // Only a layout this node has seen tells what was deleted; nodes serving the fair have.
      const before = configuredLayouts.get(fairId);
      layouts.invalidate(fairId);
      if (!before && !options.evacuate) return;
      const after = await layoutWithRules(fairId);
      if (!before || !options.evacuate) return;
      for (const roomId of before.roomIds) {
        if (!after.roomIds.includes(roomId)) await evacuate(fairId, roomId, () => true, LOBBY);
      }
      for (const [tableId, { roomId }] of before.tables) {
        if (after.tables.has(tableId) || !after.roomIds.includes(roomId)) continue;
        const atTable = (member: RoomMember) => member.tableId === tableId;
        await evacuate(fairId, roomId, atTable, { kind: 'room', roomId });
      }
    },

    /**
     * Stands a person up from the table to its room, if presence still shows them there: their
     * call ended outside the app (LiveKit saw them leave), so the seat should not look taken.
     */
    async standUp(fairId: string, personId: string, tableId: string): Promise<void> {
      const placement = await presence.whereIs(fairId, personId);
      const location = placement?.location;
      if (!placement || location?.kind !== 'table' || location.tableId !== tableId) return;
      const { state } = await presence.room(fairId, location.roomId);
      const member = state.members.find(({ person }) => person.id === personId);
      if (!member) return;
      await relocate(fairId, member.person, placement.owner, {
        kind: 'room',
        roomId: location.roomId,
      });
    },

    /**
     * Moves someone who did not ask to (a facilitator moved them, the organiser called everyone
     * to the stage, a round seated them), wherever their connection is. Their client hears
     * `presence.self`; a person who is not in the fair right now is `NOT_PRESENT`.
     * `throughLock`: the table's lock was holding this seat for them (back from the stage).
     */
    async moveOther(
      fairId: string,
      person: PersonRef,
      to: Location,
      options: { throughLock?: boolean } = {},
    ): Promise<{ ok: true; from: Location } | { ok: false; code: MoveRefusal | 'NOT_PRESENT' }> {
      const placement = await presence.whereIs(fairId, person.id);
      if (!placement) return { ok: false, code: 'NOT_PRESENT' };
      const throughLock = options.throughLock ?? false;
      let result = await relocate(fairId, person, placement.owner, to, throughLock);
      if (!result.ok && result.code === 'TABLE_UNKNOWN') {
        await layoutWithRules(fairId, true);
        result = await relocate(fairId, person, placement.owner, to, throughLock);
      }
      return result.ok ? { ok: true, from: placement.location } : result;
    },

    /**
     * Frees every place this node holds, closing the seat intervals now. For the single-node
     * (in-memory) presence, which dies with the process: nobody else would ever close them.
     */
    async leaveAll(): Promise<void> {
      const nowMs = deps.nowMs();
      const all = [...holdings.byFair().values()].flatMap((people) => [...people.values()]);
      await Promise.all(all.map((holding) => free(holding, holding.droppedAtMs ?? nowMs)));
    },

    /**
     * Frees at once the places this node holds in the fair for these people (`null`: everyone),
     * whose data was erased; their seat intervals are gone already.
     */
    async evict(fairId: string, personIds: readonly string[] | null): Promise<void> {
      const people = holdings.byFair().get(fairId);
      if (!people) return;
      const nowMs = deps.nowMs();
      const leaving = [...people.values()].filter(
        (holding) => !personIds || personIds.includes(holding.member.person.id),
      );
      await Promise.all(leaving.map((holding) => free(holding, nowMs)));
    },

    /** The fair's rooms and tables as this node checks moves against them. */
    layout(fairId: string): Promise<FairLayout> {
      return layoutWithRules(fairId);
    },

    /** Every room of the fair as presence sees it now. */
    async roomStates(fairId: string): Promise<RoomState[]> {
      const layout = await layoutWithRules(fairId);
      const rooms = await Promise.all(
        layout.roomIds.map((roomId) => presence.room(fairId, roomId)),
      );
      return rooms.map(({ state }) => state);
    },

    /** How many people this node keeps places for, connected or in their reconnect grace. */
    heldCount(): number {
      return holdings.count();
    },

    /** Stops the grace timers; the places expire unless another node adopts them. */
    stop(): void {
      holdings.clear();
    },
  };
}
