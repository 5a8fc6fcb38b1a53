/**
 * The constructive half of round seating: given how many people each table takes (its shape),
 * put the people who are free to move so that every table reaches its mix target wherever the
 * numbers allow. `round-seating.ts` explains why this is exact.
 */

export interface MixProblem {
  /** Organisation types (as indexes) of the people pre-assigned to each table. */
  fixedTypes: readonly ReadonlySet<number>[];
  /** Seats each table has for free people in this shape. */
  freeSeats: readonly number[];
  /** Distinct types each table should show: min(MIX_TARGET_TYPES, people at the table). */
  targets: readonly number[];
  /** The free people of each type, in the (shuffled) order they are taken. */
  freeByType: readonly (readonly number[])[];
}

/**
 * Free people per table (index), and those left over when seats run out. Each table first gets
 * one person of each type a maximum flow picks for it, then the rest are dealt round-robin
 * over tables with seats left, largest types first, so the extra people spread too.
 */
export function constructMixedSeating(problem: MixProblem): {
  byTable: number[][];
  unseated: number[];
} {
  const pick = maximumDistinctPicks(problem);
  const next = problem.freeByType.map(() => 0);
  const byTable: number[][] = problem.freeSeats.map(() => []);
  pick.forEach((types, table) => {
    for (const type of types) byTable[table]!.push(problem.freeByType[type]![next[type]!++]!);
  });
  const rest = problem.freeByType
    .map((people, type) => people.slice(next[type]))
    .sort((x, y) => y.length - x.length)
    .flat();
  const open = problem.freeSeats.map((seats, table) => seats - byTable[table]!.length);
  const unseated: number[] = [];
  let table = 0;
  for (const person of rest) {
    const found = nextOpenTable(open, table);
    if (found < 0) {
      unseated.push(person);
      continue;
    }
    byTable[found]!.push(person);
    open[found]!--;
    table = (found + 1) % open.length;
  }
  return { byTable, unseated };
}

function nextOpenTable(open: readonly number[], from: number): number {
  for (let step = 0; step < open.length; step++) {
    const table = (from + step) % open.length;
    if (open[table]! > 0) return table;
  }
  return -1;
}

/**
 * For each table, the types whose one representative it receives: a maximum flow in the
 * bipartite network source → type (supply: its free people) → table (capacity 1, and none for
 * a type the table already has from pre-assignment) → sink (demand: the types still missing,
 * at most its free seats). Augmenting paths found breadth-first (Edmonds–Karp); the network
 * has (types × tables) edges and the flow is at most 4 per table, so this stays small.
 */
function maximumDistinctPicks(problem: MixProblem): Set<number>[] {
  const typeCount = problem.freeByType.length;
  const tableCount = problem.freeSeats.length;
  const demand = problem.targets.map((target, table) =>
    Math.min(Math.max(0, target - problem.fixedTypes[table]!.size), problem.freeSeats[table]!),
  );
  const supply = problem.freeByType.map((people) => people.length);
  const load = new Int32Array(tableCount);
  const picked: Set<number>[] = Array.from({ length: tableCount }, () => new Set<number>());
  const allowed = (type: number, table: number) =>
    !problem.fixedTypes[table]!.has(type) && !picked[table]!.has(type);

  for (;;) {
    // parentOfTable[t] = the type the path reached t from; parentOfType[j] = the table it
    // reached j from through a pick it would undo, or -1 for a type fed by the source.
    const parentOfTable = new Int32Array(tableCount).fill(-2);
    const parentOfType = new Int32Array(typeCount).fill(-2);
    const queue: number[] = [];
    for (let type = 0; type < typeCount; type++) {
      if (supply[type]! > 0) {
        parentOfType[type] = -1;
        queue.push(type);
      }
    }
    let end = -1;
    for (let head = 0; head < queue.length && end < 0; head++) {
      const type = queue[head]!;
      for (let table = 0; table < tableCount && end < 0; table++) {
        if (parentOfTable[table] !== -2 || !allowed(type, table)) continue;
        parentOfTable[table] = type;
        if (load[table]! < demand[table]!) {
          end = table;
          break;
        }
        for (const back of picked[table]!) {
          if (parentOfType[back] !== -2) continue;
          parentOfType[back] = table;
          queue.push(back);
        }
      }
    }
    if (end < 0) return picked;
    load[end]!++;
    for (let table = end; ;) {
      const type = parentOfTable[table]!;
      picked[table]!.add(type);
      const from = parentOfType[type]!;
      if (from === -1) {
        supply[type]!--;
        break;
      }
      picked[from]!.delete(type);
      table = from;
    }
  }
}
