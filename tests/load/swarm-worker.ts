/**
 * One thread of the swarm: connects its share of the participants with socket.io-client, moves
 * them through the fair, and measures what every connection receives.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  type Ack,
  type Destination,
  type Location,
  type PresenceDiff,
  PROTOCOL_VERSION,
  type Self,
} from '@kohtaamo/protocol';
import { io, type Socket } from 'socket.io-client';
import {
  arrivalSpot,
  LOBBY_SPOT,
  nextSpot,
  roomSpot,
  type Spot,
  STAGE_SPOT,
  tableSpot,
} from './behaviour';
import { FAIR_SHAPE } from './fair-shape';
import { createHistogram, record } from './histogram';
import {
  type CoordinatorMessage,
  emptyCounters,
  monotonicMs,
  MOVE_RING,
  type PhaseResult,
  type RunPlan,
  type WorkerInput,
  type WorkerMessage,
} from './swarm-protocol';

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('swarm-worker runs as a worker thread');
const send = (message: WorkerMessage) => port.postMessage(message);

const ACK_TIMEOUT_MS = 10_000;
const CONNECT_TIMEOUT_MS = 30_000;
const CONNECT_CONCURRENCY = 50;
const STAGE_SPREAD_MS = 4_000;

const emitAt = new Float64Array(input.moves.emitAt);
/** Per ring slot: from room, to room, to table (indices, -1 for none). */
const spots = new Int32Array(input.moves.spots);
const head = new Int32Array(input.moves.head);

const indexOfPerson = new Map(input.everyone.map((p, index) => [p.person.id, index]));
const roomIndex = new Map(input.fair.roomIds.map((id, index) => [id, index]));
const tableIndex = new Map(
  input.fair.tableIds.flatMap((tables, room) =>
    tables.map((id, t) => [id, room * FAIR_SHAPE.tables + t] as const),
  ),
);
const tableIdAt = input.fair.tableIds.flat();

function spotOf(location: Location): Spot {
  switch (location.kind) {
    case 'lobby':
      return LOBBY_SPOT;
    case 'stage':
      return STAGE_SPOT;
    case 'room':
      return roomSpot(roomIndex.get(location.roomId) ?? -1);
    case 'table':
      return tableSpot(tableIndex.get(location.tableId) ?? -1);
  }
}

function destinationOf(spot: Spot): Destination {
  switch (spot.kind) {
    case 'lobby':
    case 'stage':
      return { kind: spot.kind };
    case 'room':
      return { kind: 'room', roomId: input.fair.roomIds[spot.room] ?? '' };
    case 'table':
      return { kind: 'table', tableId: tableIdAt[spot.table] ?? '' };
  }
}

function scopeOf(spot: Spot): string | null {
  if (spot.room >= 0) return `room:${input.fair.roomIds[spot.room]}`;
  return spot.kind === 'lobby' ? 'lobby' : null;
}

/** A seeded generator per participant, so a run's choices do not depend on thread timing. */
function seededRandom(seed: number): () => number {
  let state = seed * 2654435761 + 1;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Participant {
  index: number;
  socket: Socket;
  spot: Spot;
  random: () => number;
}

function emptyPhase(): PhaseResult {
  return {
    counters: emptyCounters(),
    moveToDiff: createHistogram(),
    ack: createHistogram(),
    refusals: {},
  };
}

const measure = emptyPhase();
const burst = emptyPhase();
let plan: RunPlan | undefined;
let closing = false;
const unexpectedDisconnects: Record<string, number> = {};

function phaseAt(ms: number): PhaseResult | undefined {
  if (!plan) return undefined;
  if (ms >= plan.measureFromMs && ms < plan.measureUntilMs) return measure;
  if (ms >= plan.measureUntilMs && ms < plan.burstUntilMs) return burst;
  return undefined;
}

/** The newest recent move of `mover` that this diff reports, or -1. */
function matchingMove(mover: number, roomOfDiff: number, diff: PresenceDiff): number {
  if (diff.scopeKind !== 'room' || diff.change.kind !== 'member') return -1;
  const { present, tableId } = diff.change;
  const table = tableId ? (tableIndex.get(tableId) ?? -2) : -1;
  const newest = Atomics.load(head, mover);
  for (let back = 0; back < MOVE_RING; back += 1) {
    const slot = mover * MOVE_RING + ((newest - back + MOVE_RING * 2) % MOVE_RING);
    const fromRoom = spots[slot * 3] ?? -1;
    const toRoom = spots[slot * 3 + 1] ?? -1;
    const toTable = spots[slot * 3 + 2] ?? -1;
    if (emitAt[slot] === 0) return -1;
    const matches = present
      ? toRoom === roomOfDiff && toTable === table
      : fromRoom === roomOfDiff && toRoom !== roomOfDiff;
    if (matches) return slot;
  }
  return -1;
}

function observe(self: number, diff: PresenceDiff): void {
  const arrivedMs = monotonicMs();
  const phase = phaseAt(arrivedMs);
  if (!phase) return;
  if (diff.scopeKind === 'lobby') {
    phase.counters.lobbyDiffs += 1;
    return;
  }
  phase.counters.roomDiffs += 1;
  if (diff.change.kind !== 'member') return;
  const mover = indexOfPerson.get(diff.change.person.id);
  if (mover === undefined || mover === self) return;
  const slot = matchingMove(mover, roomIndex.get(diff.scope.slice('room:'.length)) ?? -1, diff);
  if (slot < 0) {
    phase.counters.unmatchedDiffs += 1;
    return;
  }
  record(phase.moveToDiff, arrivedMs - (emitAt[slot] ?? arrivedMs));
}

function remember(participant: Participant, to: Spot): void {
  const { index } = participant;
  const next = (Atomics.load(head, index) + 1) % MOVE_RING;
  const slot = index * MOVE_RING + next;
  spots[slot * 3] = participant.spot.room;
  spots[slot * 3 + 1] = to.room;
  spots[slot * 3 + 2] = to.table;
  emitAt[slot] = monotonicMs();
  Atomics.store(head, index, next);
}

async function request<T>(socket: Socket, event: string, payload: unknown): Promise<Ack<T>> {
  return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as Ack<T>;
}

/**
 * Moves a participant and, as the web app does, fetches the snapshot of a newly followed scope
 * (`snapshot: false` in the burst, which measures how fast moves alone are acknowledged).
 */
async function go(participant: Participant, to: Spot, snapshot = true): Promise<void> {
  const before = scopeOf(participant.spot);
  remember(participant, to);
  const sentMs = monotonicMs();
  const phase = phaseAt(sentMs);
  if (phase) phase.counters.moves += 1;
  try {
    const ack = await request<Self>(participant.socket, 'presence.go', {
      to: destinationOf(to),
    });
    const doneMs = monotonicMs();
    if (phase) record(phase.ack, doneMs - sentMs);
    if (!ack.ok) {
      if (phase) {
        phase.counters.acksRefused += 1;
        phase.refusals[ack.error.code] = (phase.refusals[ack.error.code] ?? 0) + 1;
      }
      return;
    }
    if (phase) phase.counters.acksOk += 1;
    participant.spot = spotOf(ack.data.location);
    const after = scopeOf(participant.spot);
    if (snapshot && after && after !== before) {
      await request(participant.socket, 'presence.snapshot', { scope: after });
      const snapshotPhase = phaseAt(monotonicMs());
      if (snapshotPhase) snapshotPhase.counters.snapshots += 1;
    }
  } catch {
    if (phase) phase.counters.ackErrors += 1;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** A participant's day at the fair: arrive in a theme, then think and act until the end. */
async function live(participant: Participant, run: RunPlan): Promise<void> {
  const { random } = participant;
  const calledToStage = participant.index % 8 === 0;
  const bursting = participant.index % 20 === 5;
  const think = () => run.thinkMinMs + random() * (run.thinkMaxMs - run.thinkMinMs);
  // Everyone arrived during the connection phase; their first decisions spread over a think.
  let wakeMs = run.startAtMs + random() * run.thinkMaxMs;
  let staged = false;
  // Answering a call takes people a few seconds each.
  const stageAtMs = run.stageCallAtMs + random() * STAGE_SPREAD_MS;
  const returnAtMs = run.stageReturnAtMs + random() * STAGE_SPREAD_MS;
  while (!closing) {
    const nowMs = monotonicMs();
    if (nowMs >= run.burstUntilMs) return;
    if (bursting && nowMs >= run.measureUntilMs) {
      // Pairs of themes (0↔1, 2↔3, …), so the burst spreads over the fair like real traffic.
      const here = participant.spot.room;
      const to = roomSpot(here < 0 ? participant.index % FAIR_SHAPE.rooms : here ^ 1);
      await go(participant, to, false);
      continue;
    }
    // Someone busy with a slow move through the whole call simply misses it.
    if (nowMs >= returnAtMs) staged = true;
    if (calledToStage && !staged && nowMs >= stageAtMs) {
      staged = true;
      await go(participant, STAGE_SPOT);
      await sleep(returnAtMs - monotonicMs());
      await go(participant, arrivalSpot(random));
      wakeMs = monotonicMs() + think();
      continue;
    }
    const nextEventMs = Math.min(
      wakeMs,
      calledToStage && !staged ? stageAtMs : Number.POSITIVE_INFINITY,
      bursting ? run.measureUntilMs : Number.POSITIVE_INFINITY,
      run.burstUntilMs,
    );
    if (nextEventMs > nowMs) {
      await sleep(nextEventMs - nowMs);
      continue;
    }
    const to = nextSpot(participant.spot, random);
    if (to) await go(participant, to);
    wakeMs = monotonicMs() + think();
  }
}

function connect(index: number): Promise<Participant> {
  const { person, cookie } = input.everyone[index] ?? { person: undefined, cookie: '' };
  if (!person) throw new Error(`no participant ${index}`);
  const url = input.urls[index % input.urls.length] ?? '';
  const auth =
    input.kind === 'kohtaamo'
      ? { fairId: input.fair.fairId, protocol: PROTOCOL_VERSION }
      : { person };
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth,
    extraHeaders: cookie ? { cookie } : {},
    reconnection: false,
    forceNew: true,
    timeout: CONNECT_TIMEOUT_MS,
  });
  const participant: Participant = {
    index,
    socket,
    spot: LOBBY_SPOT,
    random: seededRandom(index + 1),
  };
  socket.io.on('open', () => {
    socket.io.engine.on('packet', (packet: { type: string; data?: unknown }) => {
      if (packet.type !== 'message') return;
      const phase = phaseAt(monotonicMs());
      if (!phase) return;
      phase.counters.messagesIn += 1;
      if (typeof packet.data === 'string') phase.counters.bytesIn += Buffer.byteLength(packet.data);
    });
  });
  socket.on('presence.diff', (diff: PresenceDiff) => observe(index, diff));
  socket.on('disconnect', (reason) => {
    if (!closing) unexpectedDisconnects[reason] = (unexpectedDisconnects[reason] ?? 0) + 1;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`participant ${index}: no presence.self`)),
      CONNECT_TIMEOUT_MS,
    );
    socket.once('presence.self', (self: Self) => {
      clearTimeout(timer);
      participant.spot = spotOf(self.location);
      // The web app reads the scope it follows as soon as it knows where it is.
      // and most people walk into a theme as soon as they arrive, so the lobby stays small.
      void request(socket, 'presence.snapshot', { scope: self.scope ?? 'lobby' })
        .then(() => go(participant, arrivalSpot(participant.random)))
        .then(() => resolve(participant), reject);
    });
    socket.once('connect_error', (err: Error & { data?: unknown }) => {
      clearTimeout(timer);
      reject(
        new Error(`participant ${index} refused: ${err.message} ${JSON.stringify(err.data ?? '')}`),
      );
    });
  });
}

async function connectAll(): Promise<Participant[]> {
  const participants: Participant[] = [];
  let next = input.first;
  const end = input.first + input.count;
  async function lane(): Promise<void> {
    while (next < end) {
      const index = next;
      next += 1;
      participants.push(await connect(index));
    }
  }
  await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, lane));
  return participants;
}

const startedMs = monotonicMs();
connectAll().then(
  (participants) => {
    send({ type: 'connected', connectMs: monotonicMs() - startedMs });
    port.on('message', (message: CoordinatorMessage) => {
      if (message.type === 'close') {
        closing = true;
        for (const { socket } of participants) socket.disconnect();
        port.close();
        return;
      }
      plan = message.plan;
      const run = message.plan;
      void Promise.all(participants.map((participant) => live(participant, run))).then(() =>
        sleep(500).then(() => send({ type: 'result', measure, burst, unexpectedDisconnects })),
      );
    });
  },
  (err: unknown) => {
    send({ type: 'failed', error: err instanceof Error ? err.message : String(err) });
  },
);
