/**
 * Who sat with whom, and for how long. Pure and columnar: people and tables are small integer
 * indexes and intervals are typed arrays, because a large fair has a million seat intervals and
 * the organiser's report must come back within a second.
 */

/** Seat intervals as columns; row `i` is one sitting of `person[i]` at `table[i]`. */
export interface IntervalColumns {
  person: Int32Array;
  table: Int32Array;
  startMs: Float64Array;
  /** An interval still open is passed with the time it is computed at as its end. */
  endMs: Float64Array;
}

/** Every pair that sat together, `a < b`; row `i` describes one pair. */
export interface PairOverlaps {
  count: number;
  a: Int32Array;
  b: Int32Array;
  /** Milliseconds seated at the same table at the same time, summed over the fair. */
  overlapMs: Float64Array;
  /** Where and when the two first sat together. */
  firstTable: Int32Array;
  firstAtMs: Float64Array;
  /** The row of pair `a < b`, or -1 when they never sat together. */
  rowOf(a: number, b: number): number;
}

/** Sittings of one person at one table, merged and in start order, per table. */
export interface MergedSittings {
  /** Rows of table `t` are `offsets[t]` up to `offsets[t + 1]`. */
  offsets: Int32Array;
  person: Int32Array;
  startMs: Float64Array;
  endMs: Float64Array;
}

export function intervalColumns(size: number): IntervalColumns {
  return {
    person: new Int32Array(size),
    table: new Int32Array(size),
    startMs: new Float64Array(size),
    endMs: new Float64Array(size),
  };
}

/**
 * The order that sorts `start` (one table's sittings). Fast path: the start (relative to the
 * earliest) and the position packed into one float, so the engine's numeric sort runs without
 * a comparator.
 */
function orderByStart(start: Float64Array, minStartMs: number): Int32Array {
  const size = start.length;
  const order = new Int32Array(size);
  const places = 2 ** Math.ceil(Math.log2(Math.max(2, size)));
  let latest = 0;
  for (let k = 0; k < size; k += 1) latest = Math.max(latest, start[k]! - minStartMs);
  if ((latest + 1) * places >= Number.MAX_SAFE_INTEGER || !Number.isInteger(latest)) {
    for (let k = 0; k < size; k += 1) order[k] = k;
    return order.sort((x, y) => start[x]! - start[y]!);
  }
  const keys = new Float64Array(size);
  for (let k = 0; k < size; k += 1) keys[k] = (start[k]! - minStartMs) * places + k;
  keys.sort();
  for (let k = 0; k < size; k += 1) order[k] = keys[k]! % places;
  return order;
}

/**
 * Joins a person's sittings at the same table that are less than `graceMs` apart (or overlap):
 * a reconnect the server recovered from is one sitting, not two. The intervals are scattered
 * into per-table groups first (sequential reads, a few thousand write streams), which is far
 * kinder to the cache than gathering them in sorted order.
 */
export function mergeSittings(
  intervals: IntervalColumns,
  personCount: number,
  tableCount: number,
  graceMs: number,
): MergedSittings {
  const size = intervals.person.length;
  const offsets = new Int32Array(tableCount + 1);
  let minStartMs = Infinity;
  for (let i = 0; i < size; i += 1) {
    offsets[intervals.table[i]! + 1]! += 1;
    if (intervals.startMs[i]! < minStartMs) minStartMs = intervals.startMs[i]!;
  }
  for (let t = 0; t < tableCount; t += 1) offsets[t + 1]! += offsets[t]!;
  const cursor = offsets.slice(0, tableCount);
  const groupedPerson = new Int32Array(size);
  const groupedStart = new Float64Array(size);
  const groupedEnd = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const at = cursor[intervals.table[i]!]!++;
    groupedPerson[at] = intervals.person[i]!;
    groupedStart[at] = intervals.startMs[i]!;
    groupedEnd[at] = intervals.endMs[i]!;
  }

  const person = new Int32Array(size);
  const startMs = new Float64Array(size);
  const endMs = new Float64Array(size);
  const mergedOffsets = new Int32Array(tableCount + 1);
  // The person's latest sitting at the table being scanned, stamped with the table + 1.
  const lastRow = new Int32Array(personCount);
  const lastStamp = new Int32Array(personCount);
  let out = 0;
  for (let t = 0; t < tableCount; t += 1) {
    mergedOffsets[t] = out;
    const from = offsets[t]!;
    const order = orderByStart(groupedStart.subarray(from, offsets[t + 1]!), minStartMs);
    for (const local of order) {
      const p = groupedPerson[from + local]!;
      const start = groupedStart[from + local]!;
      const end = groupedEnd[from + local]!;
      if (lastStamp[p] === t + 1) {
        const previous = lastRow[p]!;
        if (start - endMs[previous]! < graceMs) {
          if (end > endMs[previous]!) endMs[previous] = end;
          continue;
        }
      }
      person[out] = p;
      startMs[out] = start;
      endMs[out] = end;
      lastRow[p] = out;
      lastStamp[p] = t + 1;
      out += 1;
    }
  }
  mergedOffsets[tableCount] = out;
  return {
    offsets: mergedOffsets,
    person: person.subarray(0, out),
    startMs: startMs.subarray(0, out),
    endMs: endMs.subarray(0, out),
  };
}

/** Growable columns of what each overlap contributes to a pair. */
class Contributions {
  count = 0;
  a: Int32Array;
  b: Int32Array;
  ms: Float64Array;
  table: Int32Array;
  atMs: Float64Array;

  constructor(expected: number) {
    const size = Math.max(1024, expected);
    this.a = new Int32Array(size);
    this.b = new Int32Array(size);
    this.ms = new Float64Array(size);
    this.table = new Int32Array(size);
    this.atMs = new Float64Array(size);
  }

  push(a: number, b: number, ms: number, table: number, atMs: number): void {
    if (this.count === this.a.length) this.grow();
    const i = this.count++;
    this.a[i] = a;
    this.b[i] = b;
    this.ms[i] = ms;
    this.table[i] = table;
    this.atMs[i] = atMs;
  }

  private grow(): void {
    const widen = <T extends Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    const size = this.a.length * 2;
    this.a = widen(this.a, new Int32Array(size));
    this.b = widen(this.b, new Int32Array(size));
    this.ms = widen(this.ms, new Float64Array(size));
    this.table = widen(this.table, new Int32Array(size));
    this.atMs = widen(this.atMs, new Float64Array(size));
  }
}

/** Every time two sittings at one table overlap, as `a < b`: one sweep per table in start order. */
function overlapsAtTables(sittings: MergedSittings, tableCount: number): Contributions {
  // A table seats a handful, so each sitting overlaps a few others; sized to rarely grow.
  const found = new Contributions(sittings.person.length * 4);
  const active: number[] = [];
  for (let t = 0; t < tableCount; t += 1) {
    active.length = 0;
    for (let row = sittings.offsets[t]!; row < sittings.offsets[t + 1]!; row += 1) {
      const start = sittings.startMs[row]!;
      const end = sittings.endMs[row]!;
      const p = sittings.person[row]!;
      // A sitting of no length (sat down and moved on at once) overlaps nobody.
      if (end <= start) continue;
      let kept = 0;
      for (const other of active) {
        const otherEnd = sittings.endMs[other]!;
        // Sittings that ended before this one started cannot overlap anything later either.
        if (otherEnd <= start) continue;
        active[kept++] = other;
        const q = sittings.person[other]!;
        if (q === p) continue;
        const ms = Math.min(end, otherEnd) - start;
        found.push(p < q ? p : q, p < q ? q : p, ms, t, start);
      }
      active.length = kept;
      active.push(row);
    }
  }
  return found;
}

/**
 * How long each pair sat at the same table at the same time, summed over all tables. The
 * overlaps are grouped by the first person (counting sort) and summed per second person in a
 * dense array, which keeps memory access local even with millions of pairs.
 */
export function pairOverlaps(
  sittings: MergedSittings,
  personCount: number,
  tableCount: number,
): PairOverlaps {
  const found = overlapsAtTables(sittings, tableCount);
  const byA = new Int32Array(personCount + 1);
  for (let i = 0; i < found.count; i += 1) byA[found.a[i]! + 1]! += 1;
  for (let p = 0; p < personCount; p += 1) byA[p + 1]! += byA[p]!;
  const cursor = byA.slice(0, personCount);
  const groupedB = new Int32Array(found.count);
  const groupedMs = new Float64Array(found.count);
  const groupedTable = new Int32Array(found.count);
  const groupedAtMs = new Float64Array(found.count);
  for (let i = 0; i < found.count; i += 1) {
    const at = cursor[found.a[i]!]!++;
    groupedB[at] = found.b[i]!;
    groupedMs[at] = found.ms[i]!;
    groupedTable[at] = found.table[i]!;
    groupedAtMs[at] = found.atMs[i]!;
  }

  const rowOfB = new Int32Array(personCount);
  const stampOfB = new Int32Array(personCount);
  const pairsFrom = new Int32Array(personCount + 1);
  const a = new Int32Array(found.count);
  const b = new Int32Array(found.count);
  const overlapMs = new Float64Array(found.count);
  const firstTable = new Int32Array(found.count);
  const firstAtMs = new Float64Array(found.count);
  let count = 0;
  for (let p = 0; p < personCount; p += 1) {
    pairsFrom[p] = count;
    for (let k = byA[p]!; k < byA[p + 1]!; k += 1) {
      const q = groupedB[k]!;
      if (stampOfB[q] === p + 1) {
        const row = rowOfB[q]!;
        overlapMs[row]! += groupedMs[k]!;
        if (groupedAtMs[k]! < firstAtMs[row]!) {
          firstAtMs[row] = groupedAtMs[k]!;
          firstTable[row] = groupedTable[k]!;
        }
        continue;
      }
      stampOfB[q] = p + 1;
      rowOfB[q] = count;
      a[count] = p;
      b[count] = q;
      overlapMs[count] = groupedMs[k]!;
      firstTable[count] = groupedTable[k]!;
      firstAtMs[count] = groupedAtMs[k]!;
      count += 1;
    }
  }
  pairsFrom[personCount] = count;
  return {
    count,
    a: a.subarray(0, count),
    b: b.subarray(0, count),
    overlapMs: overlapMs.subarray(0, count),
    firstTable: firstTable.subarray(0, count),
    firstAtMs: firstAtMs.subarray(0, count),
    rowOf(x, y) {
      for (let row = pairsFrom[x]!; row < pairsFrom[x + 1]!; row += 1) {
        if (b[row] === y) return row;
      }
      return -1;
    },
  };
}

/** Every pair that sat together at each table, `a < b`; row `i` is one pair at one table. */
export interface TablePairOverlaps {
  count: number;
  a: Int32Array;
  b: Int32Array;
  table: Int32Array;
  /** Milliseconds the two sat at this table at the same time, summed over their sittings there. */
  overlapMs: Float64Array;
  /** When the two first sat together at this table. */
  firstAtMs: Float64Array;
}

/**
 * How long each pair sat together at each table: what `pairOverlaps` sums over the tables. Kept
 * per table so that a freed seat can recompute its own table alone and the totals still add up.
 */
export function pairOverlapsAtTables(
  sittings: MergedSittings,
  personCount: number,
  tableCount: number,
): TablePairOverlaps {
  // The sweep goes table by table, so each table's contributions are one run.
  const found = overlapsAtTables(sittings, tableCount);
  const a = new Int32Array(found.count);
  const b = new Int32Array(found.count);
  const table = new Int32Array(found.count);
  const overlapMs = new Float64Array(found.count);
  const firstAtMs = new Float64Array(found.count);
  const rowOfPair = new Map<number, number>();
  let count = 0;
  for (let i = 0; i < found.count; i += 1) {
    if (i > 0 && found.table[i] !== found.table[i - 1]) rowOfPair.clear();
    const key = found.a[i]! * personCount + found.b[i]!;
    const row = rowOfPair.get(key);
    if (row !== undefined) {
      overlapMs[row]! += found.ms[i]!;
      if (found.atMs[i]! < firstAtMs[row]!) firstAtMs[row] = found.atMs[i]!;
      continue;
    }
    rowOfPair.set(key, count);
    a[count] = found.a[i]!;
    b[count] = found.b[i]!;
    table[count] = found.table[i]!;
    overlapMs[count] = found.ms[i]!;
    firstAtMs[count] = found.atMs[i]!;
    count += 1;
  }
  return {
    count,
    a: a.subarray(0, count),
    b: b.subarray(0, count),
    table: table.subarray(0, count),
    overlapMs: overlapMs.subarray(0, count),
    firstAtMs: firstAtMs.subarray(0, count),
  };
}

/** Whether a pair's time together makes a meeting: at least the fair's threshold. */
export function reachesThreshold(overlapMs: number, thresholdSeconds: number): boolean {
  return overlapMs >= thresholdSeconds * 1000;
}
