import type { ChurnCounts } from './soak-churn';
import type { KeyReport } from './soak-keys';

/** One reading of the servers and Redis during the soak. */
export interface SoakSample {
  atS: number;
  rssMb: number[];
  heapUsedMb: number[];
  redisUsedMb: number;
  /** The part of Redis' memory that is Socket.IO's stream (capped by design). */
  streamMb: number;
  streamEntries: number;
  connected: number;
}

export interface Level {
  name: string;
  afterWarmUp: number;
  end: number;
  changePercent: number;
  /** Null for a series shown for reading only, which no limit applies to. */
  withinLimit: boolean | null;
}

export const LEVEL_LIMIT_PERCENT = 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/**
 * Each series' median over the window just after warm-up and over the last window of the churn:
 * a median, because one sample can land on a garbage collection.
 */
export function levelsOf(
  samples: readonly SoakSample[],
  windows: { warmUpS: number; windowS: number; endS: number },
): Level[] {
  const inWindow = (fromS: number) =>
    samples.filter((sample) => sample.atS >= fromS && sample.atS <= fromS + windows.windowS);
  const warm = inWindow(windows.warmUpS);
  const end = inWindow(windows.endS - windows.windowS);
  // The limit holds RSS and Redis' memory. Heap used is read between collections, so it swings
  // with their timing (a leak shows in `--heap-snapshots`, taken after a full collection); the
  // stream's share of Redis is an estimate that can exceed the whole.
  type Series = [string, (sample: SoakSample) => number, 'limited' | 'for reading'];
  const series: Series[] = [
    ...(samples[0]?.rssMb ?? []).map((_, node): Series => [
      `node ${node + 1} RSS (MB)`,
      (sample) => sample.rssMb[node] ?? NaN,
      'limited',
    ]),
    ...(samples[0]?.heapUsedMb ?? []).map((_, node): Series => [
      `node ${node + 1} heap used (MB)`,
      (sample) => sample.heapUsedMb[node] ?? NaN,
      'for reading',
    ]),
    ['Redis used_memory (MB)', (sample) => sample.redisUsedMb, 'limited'],
    [
      'Redis without the Socket.IO stream (MB)',
      (sample) => sample.redisUsedMb - sample.streamMb,
      'for reading',
    ],
  ];
  return series.map(([name, read, limit]) => {
    const afterWarmUp = median(warm.map(read));
    const atEnd = median(end.map(read));
    const changePercent = ((atEnd - afterWarmUp) / afterWarmUp) * 100;
    return {
      name,
      afterWarmUp,
      end: atEnd,
      changePercent,
      withinLimit: limit === 'limited' ? Math.abs(changePercent) <= LEVEL_LIMIT_PERCENT : null,
    };
  });
}

export interface SoakResult {
  startedAt: string;
  options: {
    minutes: number;
    clients: number;
    nodes: number;
    warmUpMinutes: number;
    thinkMs: number;
  };
  machine: { cores: number; node: string; loadAverage: number[] };
  samples: SoakSample[];
  levels: Level[];
  churn: ChurnCounts;
  keys: KeyReport;
  /** Seconds from everyone leaving until no placement was left in Redis. */
  placesGoneAfterS: number | null;
  /** Seat intervals nobody closed, each with its person's last steps in the churn. */
  openSeatIntervals: {
    registration_id: string;
    table_id: string;
    joined_at: Date;
    steps: string[];
  }[];
  problems: string[];
}

export function soakMarkdown(result: SoakResult): string {
  const { options } = result;
  const moves = Object.entries(result.churn.moves)
    .sort(([, a], [, b]) => b - a)
    .map(([outcome, count]) => `${outcome} ${count}`)
    .join(', ');
  const lines = [
    `# Soak: ${options.clients} clients, ${options.nodes} node(s), ${options.minutes} min`,
    '',
    `Started ${result.startedAt}; ${result.machine.cores} cores, Node ${result.machine.node}, ` +
      `load average at the end ${result.machine.loadAverage.map((n) => n.toFixed(1)).join(' / ')}.`,
    `Warm-up ${options.warmUpMinutes} min; levels are medians of the samples in a window after it ` +
      `and in the last window of the churn; the limit is ±${LEVEL_LIMIT_PERCENT} % on RSS and ` +
      `Redis' used_memory (heap used between collections and Redis without the stream are shown ` +
      `for reading).`,
    '',
    '| series | after warm-up | end | change | within limit |',
    '| --- | ---: | ---: | ---: | :---: |',
    ...result.levels.map(
      (level) =>
        `| ${level.name} | ${level.afterWarmUp.toFixed(1)} | ${level.end.toFixed(1)} | ` +
        `${level.changePercent >= 0 ? '+' : ''}${level.changePercent.toFixed(1)} % | ${level.withinLimit === null ? '—' : level.withinLimit ? 'yes' : 'no'} |`,
    ),
    '',
    `Moves: ${moves}. Left and came back: ${result.churn.rejoins}; lost the network and ` +
      `reconnected: ${result.churn.drops}; failed connections: ${result.churn.connectFailures}.`,
    '',
    `After everyone left: placements gone from Redis after ${result.placesGoneAfterS ?? 'never (30 s+)'} s; ` +
      `open seat intervals ${result.openSeatIntervals.length}; keys kept by design: ${result.keys.kept.join(', ')}; ` +
      `recovery sessions awaiting expiry: ${result.keys.expiring}; leaked keys: ` +
      `${result.keys.leaked.length === 0 ? 'none' : result.keys.leaked.map((k) => `${k.key} (${k.type}, ttl ${k.ttlMs})`).join(', ')}.`,
    '',
    ...result.openSeatIntervals.flatMap((interval) => [
      `Open interval of ${interval.registration_id} at ${interval.table_id} since ` +
        `${new Date(interval.joined_at).toISOString()}; their last steps:`,
      '',
      ...interval.steps.map((line) => `- ${line}`),
      '',
    ]),
    result.problems.length === 0
      ? 'Result: pass.'
      : `Result: FAIL — ${result.problems.join('; ')}.`,
    '',
  ];
  return lines.join('\n');
}
