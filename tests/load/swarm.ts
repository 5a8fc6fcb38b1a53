import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { LoadFair, LoadParticipant } from './fair-shape';
import { createHistogram, merge } from './histogram';
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

const workerFile = new URL('./swarm-worker.ts', import.meta.url).href;
/** Worker threads do not inherit tsx's loader in Node 20, so each registers it first. */
const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(workerFile)}); });`;

export interface SwarmTimings {
  settleMs: number;
  measureMs: number;
  burstMs: number;
  thinkMinMs: number;
  thinkMaxMs: number;
}

export interface SwarmResult {
  connectMs: number;
  measure: PhaseResult;
  burst: PhaseResult;
  unexpectedDisconnects: Record<string, number>;
}

function mergePhases(phases: PhaseResult[]): PhaseResult {
  const total: PhaseResult = {
    counters: emptyCounters(),
    moveToDiff: createHistogram(),
    ack: createHistogram(),
    refusals: {},
  };
  for (const phase of phases) {
    for (const key of Object.keys(total.counters) as (keyof PhaseResult['counters'])[]) {
      total.counters[key] += phase.counters[key];
    }
    merge(total.moveToDiff, phase.moveToDiff);
    merge(total.ack, phase.ack);
    for (const [code, count] of Object.entries(phase.refusals)) {
      total.refusals[code] = (total.refusals[code] ?? 0) + count;
    }
  }
  return total;
}

function nextMessage(worker: Worker): Promise<WorkerMessage> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err);
    worker.once('error', onError);
    worker.once('message', (message: WorkerMessage) => {
      worker.off('error', onError);
      resolve(message);
    });
  });
}

/**
 * Connects every participant through worker threads (one per core by default, so the load
 * generator is not what limits the server), then runs the plan and merges what they measured.
 * `onPhase` is called at the start of the measurement, the burst and the end, to sample the
 * servers.
 */
export async function runSwarm(options: {
  kind: 'kohtaamo' | 'baseline';
  urls: string[];
  fair: LoadFair;
  participants: LoadParticipant[];
  timings: SwarmTimings;
  workers?: number;
  onConnected(): void;
  onPhase(phase: 'measure' | 'burst' | 'end'): void;
}): Promise<SwarmResult> {
  const total = options.participants.length;
  const workerCount = Math.max(1, Math.min(options.workers ?? availableParallelism(), total));
  const moves = {
    emitAt: new SharedArrayBuffer(total * MOVE_RING * Float64Array.BYTES_PER_ELEMENT),
    spots: new SharedArrayBuffer(total * MOVE_RING * 3 * Int32Array.BYTES_PER_ELEMENT),
    head: new SharedArrayBuffer(total * Int32Array.BYTES_PER_ELEMENT),
  };
  const workers: Worker[] = [];
  const share = Math.ceil(total / workerCount);
  for (let first = 0; first < total; first += share) {
    const workerData: WorkerInput = {
      kind: options.kind,
      urls: options.urls,
      fair: options.fair,
      everyone: options.participants,
      first,
      count: Math.min(share, total - first),
      moves,
    };
    workers.push(new Worker(bootstrap, { eval: true, workerData }));
  }
  const tell = (message: CoordinatorMessage) => workers.forEach((w) => w.postMessage(message));
  try {
    const startedMs = monotonicMs();
    const connected = await Promise.all(workers.map(nextMessage));
    for (const message of connected) {
      if (message.type === 'failed')
        throw new Error(`the swarm could not connect: ${message.error}`);
    }
    const connectMs = monotonicMs() - startedMs;
    options.onConnected();

    const { timings } = options;
    const startAtMs = monotonicMs() + 200;
    const measureFromMs = startAtMs + timings.settleMs;
    const measureUntilMs = measureFromMs + timings.measureMs;
    const plan: RunPlan = {
      startAtMs,
      measureFromMs,
      measureUntilMs,
      stageCallAtMs: measureFromMs + timings.measureMs * 0.3,
      stageReturnAtMs: measureFromMs + timings.measureMs * 0.6,
      burstUntilMs: measureUntilMs + timings.burstMs,
      thinkMinMs: timings.thinkMinMs,
      thinkMaxMs: timings.thinkMaxMs,
    };
    const results = Promise.all(workers.map(nextMessage));
    tell({ type: 'run', plan });
    const at = (ms: number, phase: 'measure' | 'burst' | 'end') =>
      setTimeout(() => options.onPhase(phase), Math.max(0, ms - monotonicMs()));
    const timers = [
      at(measureFromMs, 'measure'),
      at(measureUntilMs, 'burst'),
      at(plan.burstUntilMs, 'end'),
    ];
    const messages = await results.finally(() => timers.forEach(clearTimeout));
    const finished = messages.flatMap((message) => (message.type === 'result' ? [message] : []));
    if (finished.length !== workers.length) throw new Error('a swarm worker did not report');
    return {
      connectMs,
      measure: mergePhases(finished.map((message) => message.measure)),
      burst: mergePhases(finished.map((message) => message.burst)),
      unexpectedDisconnects: finished.reduce<Record<string, number>>((all, message) => {
        for (const [reason, count] of Object.entries(message.unexpectedDisconnects)) {
          all[reason] = (all[reason] ?? 0) + count;
        }
        return all;
      }, {}),
    };
  } finally {
    tell({ type: 'close' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
