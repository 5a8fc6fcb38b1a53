import type { HistogramData } from './histogram';
import type { LoadFair, LoadParticipant } from './fair-shape';

/** Milliseconds on the monotonic clock every thread of the process shares. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Timing of one run; all times on `monotonicMs`. */
export interface RunPlan {
  startAtMs: number;
  /** Everyone walks into a theme before this; the measurement starts here. */
  measureFromMs: number;
  measureUntilMs: number;
  /** One in eight people are called to the stage, and come back to a theme later. */
  stageCallAtMs: number;
  stageReturnAtMs: number;
  /** One in twenty people move back and forth between two themes as fast as acks come back. */
  burstUntilMs: number;
  thinkMinMs: number;
  thinkMaxMs: number;
}

export interface WorkerInput {
  kind: 'kohtaamo' | 'baseline';
  urls: string[];
  fair: LoadFair;
  /** Everyone in the fair, so observers can tell who moved. */
  everyone: LoadParticipant[];
  /** The global indices of the participants this worker connects. */
  first: number;
  count: number;
  /** Per participant: the ring of their recent moves, written before each emit. */
  moves: { emitAt: SharedArrayBuffer; spots: SharedArrayBuffer; head: SharedArrayBuffer };
}

/** How many recent moves of a person an observer can match a diff against. */
export const MOVE_RING = 8;

export interface PhaseCounters {
  moves: number;
  acksOk: number;
  acksRefused: number;
  ackErrors: number;
  bytesIn: number;
  messagesIn: number;
  roomDiffs: number;
  lobbyDiffs: number;
  /** Room diffs about someone else that matched none of their recent moves. */
  unmatchedDiffs: number;
  snapshots: number;
}

export function emptyCounters(): PhaseCounters {
  return {
    moves: 0,
    acksOk: 0,
    acksRefused: 0,
    ackErrors: 0,
    bytesIn: 0,
    messagesIn: 0,
    roomDiffs: 0,
    lobbyDiffs: 0,
    unmatchedDiffs: 0,
    snapshots: 0,
  };
}

export interface PhaseResult {
  counters: PhaseCounters;
  /** Mover's emit → the diff's arrival at each other member of the room. */
  moveToDiff: HistogramData;
  /** Emit → acknowledgement of `presence.go`. */
  ack: HistogramData;
  refusals: Record<string, number>;
}

export type WorkerMessage =
  | { type: 'connected'; connectMs: number }
  | { type: 'failed'; error: string }
  | {
      type: 'result';
      measure: PhaseResult;
      burst: PhaseResult;
      /** Connections that ended before the run did, by Socket.IO's reason. */
      unexpectedDisconnects: Record<string, number>;
    };

export type CoordinatorMessage = { type: 'run'; plan: RunPlan } | { type: 'close' };
