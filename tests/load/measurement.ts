import { type LatencySummary, summarize } from './histogram';
import { cpuPercent, type ProcessSample } from './process-stats';
import type { Scenario } from './scenarios';
import type { SwarmResult, SwarmTimings } from './swarm';

/** What one server (Kohtaamo or the baseline) did in one scenario. */
export interface Measurement {
  connectS: number;
  moveToDiffMs: LatencySummary;
  ackMs: LatencySummary;
  movesPerS: number;
  acksPerS: number;
  refusedShare: number;
  /** Refused moves by error code (TABLE_FULL is the fair working; anything else is not). */
  refusals: Record<string, number>;
  ackErrors: number;
  /** Room diffs about someone else, delivered per second (the fan-out). */
  deliveriesPerS: number;
  bytesPerClientPerS: number;
  messagesPerClientPerS: number;
  lobbyDiffsPerClientPerS: number;
  unmatchedDiffs: number;
  /** Acks a second while one in ten people move back and forth as fast as they can. */
  burstAcksPerS: number;
  burstMoveToDiffMs: LatencySummary;
  /** Server CPU during the measurement, % of one core, summed over nodes. */
  cpuPercent: number;
  /**
   * Server CPU time per acknowledged move during the measurement. Steadier than latency when
   * other work shares the machine, since it counts only the server's own time.
   */
  cpuMsPerMove: number;
  burstCpuPercent: number;
  /** The load generator's own CPU (all its threads) during the measurement, % of one core. */
  swarmCpuPercent: number;
  rssIdleMb: number;
  /** Median resident memory during the measurement, summed over nodes. */
  rssLoadedMb: number;
  /**
   * Resident memory the participants added (loaded − idle), per participant. A median of
   * samples every half second, since any one sample lands before or after a collection.
   */
  kbPerParticipant: number;
  unexpectedDisconnects: Record<string, number>;
  /** Why the measurement cannot be trusted; empty when the run went as planned. */
  problems: string[];
}

export interface ServerSamples {
  /** The bench process's own CPU time (all threads) at the start and end of the measurement. */
  swarmCpuMs: { measure: number; burst: number };
  idle: ProcessSample[];
  /** Every half second during the measurement, one sample per node. */
  during: ProcessSample[][];
  measure: ProcessSample[];
  burst: ProcessSample[];
  end: ProcessSample[];
}

const sum = (samples: ProcessSample[], pick: (sample: ProcessSample) => number) =>
  samples.reduce((total, sample) => total + pick(sample), 0);

function cpuOver(from: ProcessSample[], to: ProcessSample[]): number {
  return from.reduce((total, sample, i) => {
    const later = to[i];
    return total + (later ? cpuPercent(sample, later) : Number.NaN);
  }, 0);
}

export function measurementOf(
  scenario: Scenario,
  timings: SwarmTimings,
  swarm: SwarmResult,
  samples: ServerSamples,
): Measurement {
  const { measure, burst } = swarm;
  const measureS = timings.measureMs / 1000;
  const burstS = timings.burstMs / 1000;
  const perClient = (value: number) => value / scenario.participants / measureS;
  const acks = measure.counters.acksOk + measure.counters.acksRefused;
  const rssIdle = sum(samples.idle, (sample) => sample.rssBytes);
  const loaded = samples.during.map((nodes) => sum(nodes, (sample) => sample.rssBytes));
  const rssLoaded = loaded.sort((a, b) => a - b)[Math.floor(loaded.length / 2)] ?? Number.NaN;
  const cpuMs = sum(samples.burst, (s) => s.cpuMs) - sum(samples.measure, (s) => s.cpuMs);
  return {
    connectS: swarm.connectMs / 1000,
    moveToDiffMs: summarize(measure.moveToDiff),
    ackMs: summarize(measure.ack),
    movesPerS: measure.counters.moves / measureS,
    acksPerS: acks / measureS,
    refusedShare: acks > 0 ? measure.counters.acksRefused / acks : 0,
    refusals: measure.refusals,
    ackErrors: measure.counters.ackErrors + burst.counters.ackErrors,
    deliveriesPerS: measure.moveToDiff.count / measureS,
    bytesPerClientPerS: perClient(measure.counters.bytesIn),
    messagesPerClientPerS: perClient(measure.counters.messagesIn),
    lobbyDiffsPerClientPerS: perClient(measure.counters.lobbyDiffs),
    unmatchedDiffs: measure.counters.unmatchedDiffs,
    burstAcksPerS: (burst.counters.acksOk + burst.counters.acksRefused) / burstS,
    burstMoveToDiffMs: summarize(burst.moveToDiff),
    cpuPercent: cpuOver(samples.measure, samples.burst),
    swarmCpuPercent:
      ((samples.swarmCpuMs.burst - samples.swarmCpuMs.measure) / timings.measureMs) * 100,
    cpuMsPerMove: measure.counters.acksOk > 0 ? cpuMs / measure.counters.acksOk : Number.NaN,
    burstCpuPercent: cpuOver(samples.burst, samples.end),
    rssIdleMb: rssIdle / 2 ** 20,
    rssLoadedMb: rssLoaded / 2 ** 20,
    kbPerParticipant: (rssLoaded - rssIdle) / 1024 / scenario.participants,
    unexpectedDisconnects: swarm.unexpectedDisconnects,
    problems: problemsOf(swarm, summarize(measure.moveToDiff)),
  };
}

/** Why a measurement cannot be trusted, if it cannot; empty when it ran as planned. */
function problemsOf(swarm: SwarmResult, moveToDiff: LatencySummary): string[] {
  const problems: string[] = [];
  if (moveToDiff.samples === 0) problems.push('no diff was measured');
  const { moves, ackErrors } = swarm.measure.counters;
  if (ackErrors > Math.max(5, moves * 0.01)) {
    problems.push(`${ackErrors} of ${moves} moves got no acknowledgement within 10 s`);
  }
  const dropped = Object.entries(swarm.unexpectedDisconnects);
  if (dropped.length > 0) {
    const reasons = dropped.map(([reason, count]) => `${count} × ${reason}`).join(', ');
    problems.push(`connections dropped during the run (${reasons})`);
  }
  return problems;
}
