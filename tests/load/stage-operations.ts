/**
 * The four timed operations of the stage benchmark: the organiser's call and return, and the
 * baseline in which every participant makes the same move themselves, all at once.
 */
import type { Location, Self, StageResult } from '@kohtaamo/protocol';
import type { Socket } from 'socket.io-client';
import { sampleProcess } from './process-stats';
import { ACK_TIMEOUT_MS, type Crowd, type CrowdMember, request, sameLocation } from './stage-crowd';
import type { Target } from './targets';

/**
 * After the last arrival the operation lasts until the servers are quiet again: trailing work
 * (seat intervals, the meeting updates of freed seats) belongs to the operation that caused it,
 * not to the next one. Quiet: under a tenth of a core per node over a quarter of a second.
 */
const QUIET_WINDOW_MS = 250;
const QUIET_CORE_SHARE = 0.1;
/**
 * Trailing work grows with the people moved (about 13 s at 500 whose tablemates had met), so
 * this leaves room for a few thousand; beyond it something hangs.
 */
const SETTLE_LIMIT_MS = 120_000;
/** Often enough to catch a stall of a few tens of ms, rarely enough to add no load. */
const PROBE_INTERVAL_MS = 20;

export interface Timing {
  /** The organiser's acknowledgement, from its emit; null for self-moves (each has its own). */
  ackMs: number | null;
  /** From the first emit until the last participant was seen at the place. */
  lastMs: number;
  /** From the first emit until half of the participants were seen at the place. */
  medianMs: number;
  /** From the last arrival until the servers were quiet again (see `QUIET_WINDOW_MS`). */
  trailingMs: number;
  /** CPU time of all server nodes, from the first emit until they were quiet again. */
  serverCpuMs: number;
  /**
   * Longest `/healthz` round trip of each node in the same window: an answer that takes long
   * means that node's event loop was blocked about that long.
   */
  healthMaxMs: number[];
}

export const STAGE: Location = { kind: 'stage' };
export const home = (member: CrowdMember): Location => member.home;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls each node's `/healthz` one request at a time and keeps the slowest answer; a node that
 * stops answering counts as blocked for good.
 */
function probeEventLoops(urls: string[]): { stop(): Promise<number[]> } {
  let running = true;
  const loops = urls.map(async (url) => {
    let slowestMs = 0;
    try {
      while (running) {
        const sentMs = performance.now();
        const response = await fetch(`${url}/healthz`);
        await response.arrayBuffer();
        slowestMs = Math.max(slowestMs, performance.now() - sentMs);
        await sleep(PROBE_INTERVAL_MS);
      }
    } catch {
      return Number.POSITIVE_INFINITY;
    }
    return slowestMs;
  });
  return {
    stop() {
      running = false;
      return Promise.all(loops);
    },
  };
}

function serverCpuMs(target: Target): number {
  return target.pids.reduce((sum, pid) => sum + sampleProcess(pid).cpuMs, 0);
}

/** Waits until the servers are quiet; resolves with how long that took. */
async function untilQuiet(target: Target): Promise<number> {
  const startMs = performance.now();
  const quietCpuMs = QUIET_WINDOW_MS * QUIET_CORE_SHARE * target.pids.length;
  let cpuMs = serverCpuMs(target);
  for (;;) {
    await sleep(QUIET_WINDOW_MS);
    const nowCpuMs = serverCpuMs(target);
    const elapsedMs = performance.now() - startMs;
    if (nowCpuMs - cpuMs < quietCpuMs) return Math.max(0, elapsedMs - QUIET_WINDOW_MS);
    if (elapsedMs > SETTLE_LIMIT_MS)
      throw new Error(`the servers were still busy ${elapsedMs} ms after the operation`);
    cpuMs = nowCpuMs;
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

interface Outcome {
  ackMs: number | null;
  /** Per participant: from the first emit until they were seen at the place. */
  arrivalsMs: number[];
}

/** Runs one operation (started at the time it is given) with the probes and CPU samples. */
async function timed(target: Target, run: (startMs: number) => Promise<Outcome>): Promise<Timing> {
  await untilQuiet(target);
  const probe = probeEventLoops(target.urls);
  try {
    await sleep(PROBE_INTERVAL_MS * 2);
    const cpuBefore = serverCpuMs(target);
    const outcome = await run(performance.now());
    const trailingMs = await untilQuiet(target);
    const serverCpu = serverCpuMs(target) - cpuBefore;
    return {
      ackMs: outcome.ackMs,
      trailingMs,
      lastMs: Math.max(...outcome.arrivalsMs),
      medianMs: median(outcome.arrivalsMs),
      serverCpuMs: serverCpu,
      healthMaxMs: await probe.stop(),
    };
  } finally {
    await probe.stop();
  }
}

/**
 * The organiser sends `event`; resolves when it is acknowledged (having moved everyone) and
 * every participant's client has heard `presence.self` with `place(member)`.
 */
export function organiserMove(
  target: Target,
  organiser: Socket,
  crowd: Crowd,
  event: 'stage.call' | 'stage.return',
  place: (member: CrowdMember) => Location,
): Promise<Timing> {
  return timed(target, async (startMs) => {
    const { arrived } = crowd.expect(place, ACK_TIMEOUT_MS);
    const acknowledged = request<StageResult>(organiser, event, {}).then((ack) => ({
      ack,
      ackMs: performance.now() - startMs,
    }));
    const [{ ack, ackMs }] = await Promise.all([acknowledged, arrived]);
    if (!ack.ok) throw new Error(`${event} was refused: ${ack.error.code} ${ack.error.message}`);
    const { action } = ack.data.entry;
    const people = 'people' in action ? action.people : -1;
    if (people !== crowd.members.length) {
      throw new Error(`${event} moved ${people} of ${crowd.members.length} participants`);
    }
    return {
      ackMs,
      arrivalsMs: crowd.members.map((member) => (member.metAtMs ?? Number.NaN) - startMs),
    };
  });
}

/** Every participant sends `presence.go` to `place(member)` at once; each ack must show it. */
export function selfMoves(
  target: Target,
  crowd: Crowd,
  place: (member: CrowdMember) => Location,
): Promise<Timing> {
  return timed(target, async (startMs) => {
    const arrivalsMs = await Promise.all(
      crowd.members.map(async (member) => {
        const to = place(member);
        const destination = to.kind === 'table' ? { kind: 'table', tableId: to.tableId } : to;
        const ack = await request<Self>(member.socket, 'presence.go', { to: destination });
        const atMs = performance.now() - startMs;
        if (!ack.ok || !sameLocation(ack.data.location, to)) {
          throw new Error(
            `participant ${member.index} did not get to ${JSON.stringify(to)}: ${JSON.stringify(ack)}`,
          );
        }
        return atMs;
      }),
    );
    return { ackMs: null, arrivalsMs };
  });
}

/**
 * Fails loudly unless every participant is at exactly their own table, both as their client
 * last heard it (after the organiser's return) and as the server answers now.
 */
export async function verifyEveryoneHome(crowd: Crowd, checkPushed: boolean): Promise<void> {
  const wrong: string[] = [];
  await Promise.all(
    crowd.members.map(async (member) => {
      if (checkPushed && !sameLocation(member.lastPushed, member.home)) {
        wrong.push(`#${member.index} was told ${JSON.stringify(member.lastPushed)}`);
      }
      const self = await request<Self>(member.socket, 'presence.self', {});
      if (!self.ok || !sameLocation(self.data.location, member.home)) {
        wrong.push(`#${member.index} is at ${JSON.stringify(self.ok ? self.data.location : self)}`);
      }
    }),
  );
  if (wrong.length > 0) {
    throw new Error(
      `${wrong.length} participants are not back at their own table: ${wrong.slice(0, 5).join('; ')}`,
    );
  }
}
