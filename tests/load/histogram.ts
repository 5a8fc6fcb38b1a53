/**
 * Latencies in 0.1 ms steps up to 10 s, plus the rare slower ones kept exactly. Mergeable, so
 * each swarm worker records its own and the coordinator adds them up.
 */
const STEPS_PER_MS = 10;
const LINEAR_LIMIT_MS = 10_000;

export interface HistogramData {
  buckets: Uint32Array;
  slow: number[];
  count: number;
  max: number;
}

export function createHistogram(): HistogramData {
  return {
    buckets: new Uint32Array(LINEAR_LIMIT_MS * STEPS_PER_MS),
    slow: [],
    count: 0,
    max: 0,
  };
}

export function record(histogram: HistogramData, ms: number): void {
  const value = Math.max(0, ms);
  histogram.count += 1;
  if (value > histogram.max) histogram.max = value;
  if (value >= LINEAR_LIMIT_MS) {
    histogram.slow.push(value);
    return;
  }
  const index = Math.floor(value * STEPS_PER_MS);
  histogram.buckets[index] = (histogram.buckets[index] ?? 0) + 1;
}

export function merge(into: HistogramData, from: HistogramData): void {
  for (let i = 0; i < from.buckets.length; i += 1) {
    const add = from.buckets[i] ?? 0;
    if (add > 0) into.buckets[i] = (into.buckets[i] ?? 0) + add;
  }
  into.slow.push(...from.slow);
  into.count += from.count;
  into.max = Math.max(into.max, from.max);
}

/** The value below which `fraction` of the samples lie (upper edge of its bucket). */
export function quantile(histogram: HistogramData, fraction: number): number {
  if (histogram.count === 0) return Number.NaN;
  const rank = Math.ceil(fraction * histogram.count);
  let seen = 0;
  for (let i = 0; i < histogram.buckets.length; i += 1) {
    seen += histogram.buckets[i] ?? 0;
    if (seen >= rank) return (i + 1) / STEPS_PER_MS;
  }
  const slow = [...histogram.slow].sort((a, b) => a - b);
  return slow[Math.min(slow.length - 1, rank - seen - 1)] ?? histogram.max;
}

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(histogram: HistogramData): LatencySummary {
  return {
    samples: histogram.count,
    p50: quantile(histogram, 0.5),
    p95: quantile(histogram, 0.95),
    p99: quantile(histogram, 0.99),
    max: histogram.max,
  };
}
