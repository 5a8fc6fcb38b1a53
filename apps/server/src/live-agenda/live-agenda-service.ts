import type {
  AgendaControl,
  AgendaCue,
  AgendaItem,
  FairStatus,
  LiveAgendaState,
  RoomRoundControl,
} from '@kohtaamo/protocol';
import {
  type ControlRefusal,
  currentTimeline,
  type LiveControl,
  refusalOf,
  type RoomControl,
} from '../domain/live-agenda';
import { cuesBetween, liveAgendaState, nextChangeAtMs } from '../domain/live-agenda-cues';
import type { Logger } from '../observability/logger';
import { RealtimeError } from '../realtime/realtime-error';
import type { Store } from '../store/types';

/**
 * The live agenda of the fairs this node has connections for. Each node schedules its own fairs
 * and announces cues to its own sockets only, so each person hears each cue once, from the node
 * that holds their connection, and no node has to be the leader. A control or an agenda edit on
 * any node is stored first, then every node reloads the fair from the store.
 */
export interface LiveAgendaDeps {
  store: Store;
  logger: Logger;
  nowMs: () => number;
  /** Sends to this node's own connections of the fair (a cue with a `roomId`: of that room). */
  local: {
    state(fairId: string, state: LiveAgendaState): void;
    cue(fairId: string, cue: AgendaCue): void;
  };
  /** Tells the other nodes to reload the fair's live agenda. */
  tellPeers(fairId: string): void;
  /** Starting or ending the fair by hand changed its status (closing sends participants out). */
  onStatusChanged?: (fairId: string, status: FairStatus) => void;
  /** A networking round of the agenda began (by the clock or by hand), heard on every node. */
  onRoundStarted?: (fairId: string, itemId: string) => void;
}

/**
 * A node reloads each fair at least this often, so one that missed a peer's news (a Redis blip)
 * catches up within a minute.
 */
const RELOAD_EVERY_MS = 60_000;

interface FollowedFair {
  connections: number;
  items: AgendaItem[];
  controls: LiveControl[];
  loadedAtMs: number;
  /** Cues up to here have been announced by this node. */
  announcedToMs: number;
  /** Only the latest load may replace the data; an older one can finish later. */
  loads: number;
  timer?: ReturnType<typeof setTimeout>;
}

const refusalMessages: Record<ControlRefusal, string> = {
  ended: 'The fair has ended',
  paused: 'The fair is paused',
  notPaused: 'The fair is not paused',
  started: 'The fair has already started',
  noItems: 'The agenda is empty',
  unknownItem: 'No such agenda item',
  itemOver: 'That item is over',
  itemRunning: 'That item is on now',
  itemNotRunning: 'That item is not on now',
  roundRunning: 'A round is already running in this room',
  noRound: 'No round is running in this room',
};

/**
 * The fair's stored status follows the organiser's hand, so the fair lists and the invite page
 * show it as live once started and closed once ended.
 */
const STATUS_AFTER: Partial<Record<AgendaControl['kind'], FairStatus>> = {
  'fair.start': 'live',
  'fair.end': 'closed',
};

function controlOf(round: RoomRoundControl): RoomControl {
  return round.action === 'start'
    ? { kind: 'room.start', roomId: round.roomId, minutes: round.minutes }
    : { kind: 'room.end', roomId: round.roomId };
}

export function createLiveAgenda(deps: LiveAgendaDeps) {
  const { store, logger, nowMs } = deps;
  const fairs = new Map<string, FollowedFair>();

  async function load(fairId: string) {
    const [items, controls] = await Promise.all([
      store.agenda.list(fairId),
      store.agendaControls.list(fairId),
    ]);
    return { items, controls };
  }

  /** Announces what fell due since the last time, sends the state, and sleeps until the next. */
  function tick(fairId: string, fair: FollowedFair): void {
    clearTimeout(fair.timer);
    const now = nowMs();
    const due = cuesBetween(fair.items, fair.controls, fair.announcedToMs, now);
    fair.announcedToMs = Math.max(fair.announcedToMs, now);
    for (const cue of due) {
      deps.local.cue(fairId, cue);
      if (cue.kind === 'round.started' && cue.item) deps.onRoundStarted?.(fairId, cue.item.id);
    }
    deps.local.state(fairId, liveAgendaState(fair.items, fair.controls, now));
    const next = nextChangeAtMs(fair.items, fair.controls, now) ?? Number.POSITIVE_INFINITY;
    const wakeInMs = Math.min(next - now, fair.loadedAtMs + RELOAD_EVERY_MS - now);
    fair.timer = setTimeout(() => wake(fairId, fair), Math.max(0, wakeInMs));
  }

  function wake(fairId: string, fair: FollowedFair): void {
    if (fairs.get(fairId) !== fair) return;
    if (nowMs() - fair.loadedAtMs >= RELOAD_EVERY_MS) void reload(fairId);
    else tick(fairId, fair);
  }

  /** Reads the fair again and announces from there; nothing when this node does not follow it. */
  async function reload(fairId: string): Promise<void> {
    const fair = fairs.get(fairId);
    if (!fair) return;
    fair.loads += 1;
    const ownLoad = fair.loads;
    try {
      const { items, controls } = await load(fairId);
      if (fairs.get(fairId) !== fair || fair.loads !== ownLoad) return;
      Object.assign(fair, { items, controls, loadedAtMs: nowMs() });
      tick(fairId, fair);
    } catch (err) {
      logger.warn({ err, fairId }, 'could not load the live agenda');
      // Try again a little later; the timer keeps the fair alive meanwhile.
      clearTimeout(fair.timer);
      fair.timer = setTimeout(() => wake(fairId, fair), 5_000);
    }
  }

  async function currentState(fairId: string): Promise<LiveAgendaState> {
    const fair = fairs.get(fairId);
    const { items, controls } = fair?.loadedAtMs ? fair : await load(fairId);
    return liveAgendaState(items, controls, nowMs());
  }

  /** Stores a control after checking it against the log as stored, then tells every node. */
  async function take(
    fairId: string,
    actorId: string,
    control: AgendaControl | RoomControl,
  ): Promise<LiveAgendaState> {
    const { items, controls } = await load(fairId);
    // Never before the last control, even if this node's clock is a little behind another's.
    const lastMs = controls.at(-1)?.atMs ?? Number.NEGATIVE_INFINITY;
    const entry: LiveControl = { ...control, atMs: Math.max(nowMs(), lastMs) };
    const refusal = refusalOf(currentTimeline(items, controls), entry);
    if (refusal) {
      const code = refusal === 'unknownItem' ? 'NOT_FOUND' : 'CONFLICT';
      throw new RealtimeError(code, refusalMessages[refusal]);
    }
    await store.agendaControls.append(fairId, entry, actorId);
    await changed(fairId);
    return liveAgendaState(items, [...controls, entry], nowMs());
  }

  /** The fair's agenda or controls changed (on this node): reload here and on the others. */
  async function changed(fairId: string): Promise<void> {
    deps.tellPeers(fairId);
    await reload(fairId);
  }

  return {
    /** A connection of the fair opened on this node; the first starts its schedule. */
    follow(fairId: string): void {
      const fair = fairs.get(fairId);
      if (fair) {
        fair.connections += 1;
        return;
      }
      const now = nowMs();
      fairs.set(fairId, {
        connections: 1,
        items: [],
        controls: [],
        loadedAtMs: 0,
        announcedToMs: now,
        loads: 0,
      });
      void reload(fairId);
    },

    /** A connection closed; when it was the fair's last here, this node stops scheduling it. */
    unfollow(fairId: string): void {
      const fair = fairs.get(fairId);
      if (!fair) return;
      fair.connections -= 1;
      if (fair.connections > 0) return;
      clearTimeout(fair.timer);
      fairs.delete(fairId);
    },

    /** How many fairs this node schedules: those with a connection here. */
    followedCount(): number {
      return fairs.size;
    },

    state: currentState,

    /** Takes an organiser's control; starting or ending the fair by hand also sets its status. */
    async control(
      fairId: string,
      actorId: string,
      control: AgendaControl,
    ): Promise<LiveAgendaState> {
      const state = await take(fairId, actorId, control);
      const status = STATUS_AFTER[control.kind];
      if (status) {
        const before = await store.fairs.findById(fairId);
        await store.fairs.update(fairId, { status });
        if (before?.status !== status) deps.onStatusChanged?.(fairId, status);
      }
      return state;
    },

    roomRound(fairId: string, actorId: string, round: RoomRoundControl) {
      return take(fairId, actorId, controlOf(round));
    },

    /** The agenda was edited here (REST): every node reloads. */
    changed(fairId: string): void {
      changed(fairId).catch((err: unknown) => {
        logger.warn({ err, fairId }, 'could not refresh the live agenda');
      });
    },

    /** Another node says the fair changed. */
    peerChanged(fairId: string): void {
      void reload(fairId);
    },

    stop(): void {
      for (const fair of fairs.values()) clearTimeout(fair.timer);
      fairs.clear();
    },
  };
}

export type LiveAgenda = ReturnType<typeof createLiveAgenda>;
