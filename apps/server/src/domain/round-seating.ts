import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { constructMixedSeating } from './round-seating-mix';
import { MIX_TARGET_TYPES, separateMetPairs, type Board, type Score } from './round-seating-search';

export { MIX_TARGET_TYPES } from './round-seating-search';

/**
 * Seating for a networking round, as a plain function.
 *
 * Rules, strongest first:
 * 1. Nobody sits beyond a table's capacity; pre-assigned people sit where the organiser put them
 *    (a pre-assignment to a table outside the round, or beyond its capacity, is ignored).
 * 2. Shape: the round fills the fewest tables that seat everyone (tables with pre-assigned people
 *    first, then the largest), as evenly as the pre-assignments let it. Everyone is seated when
 *    the seats suffice.
 * 3. Mix: each table shows min(4, people at it) organisation types wherever the numbers allow.
 * 4. Pairs who already met do not sit together when a seating with rules 1–3 avoids it.
 *
 * Why rule 3 holds exactly ("wherever the numbers allow" = no seating of this shape does
 * better). Fix the shape: table t seats n_t people, p_t of them pre-assigned with the set of
 * types P_t, f_t = n_t − p_t free. Its deficit is max(0, min(4, n_t) − types at t). Build the
 * network source → type j (capacity: free people of type j) → table t (capacity 1, none if
 * j ∈ P_t) → sink (capacity d_t = min(max(0, min(4, n_t) − |P_t|), f_t)).
 * - Any seating of the shape gives a flow: at each table take one free person of each type new
 *   to it, up to d_t of them. Its deficit is Σ_t (min(4, n_t) − |P_t| − new_t)⁺ ≥
 *   Σ_t (min(4, n_t) − |P_t|)⁺ − value. So no seating beats Σ (…)⁺ − (maximum flow).
 * - A maximum flow gives a seating reaching that bound: seat each picked representative at its
 *   table (d_t ≤ f_t, so they fit), then fill the remaining free seats with anyone.
 * `constructMixedSeating` does exactly this, so the first seating already has the least
 * deficit possible for the shape. With no pre-assignments and T equal tables of at least 4 the
 * bound is 0 iff Σ_j min(c_j, T) ≥ 4T (the min-cut over "types j, tables z" is
 * Σ_j min(c_j, z) + 4(T − z), smallest at z = T). The search below may pass through worse
 * mixes but returns only a seating with no greater deficit than where it started, so the final
 * seating keeps the bound.
 *
 * Rule 4 is a graph-colouring problem with equal class sizes (NP-hard in general), so it is
 * met by search rather than by construction: tabu search over swaps
 * (`round-seating-search.ts`) from the constructed seating, within a fixed amount of work. The
 * property test checks it on the case (60 people, 6 types, tables of 6) against a
 * planted seating that avoids every met pair, and exhaustively on small fairs.
 */

export interface RoundPerson {
  id: string;
  organisationType: string;
}

export interface RoundTable {
  id: string;
  capacity: number;
}

export interface RoundSeatingInput {
  /** Everyone the round seats (present, not opted out, not staff), pre-assigned people too. */
  people: readonly RoundPerson[];
  /** The round's tables, in the order the organiser sees them. */
  tables: readonly RoundTable[];
  /** Pairs of person ids who have already met (either order). */
  metPairs: readonly (readonly [string, string])[];
  /** person id → table id, set by the organiser. */
  preassigned: ReadonlyMap<string, string>;
  seed: number;
}

export interface RoundSeating {
  /** person id → table id, for everyone seated (pre-assigned people included). */
  seats: Map<string, string>;
  /** People for whom no seat was left. */
  unseated: string[];
  score: Score;
}

export function seatRound(input: RoundSeatingInput): RoundSeating {
  const rng = xoroshiro128plus(input.seed);
  const { people, tables } = input;
  const tableIndex = new Map(tables.map((table, index) => [table.id, index]));
  const personIndex = new Map(people.map((person, index) => [person.id, index]));
  const typeIndex = new Map<string, number>();
  const typeOf = Int32Array.from(people, (person) => {
    const known = typeIndex.get(person.organisationType);
    if (known !== undefined) return known;
    typeIndex.set(person.organisationType, typeIndex.size);
    return typeIndex.size - 1;
  });

  const fixedAt: number[][] = tables.map(() => []);
  const free: number[] = [];
  people.forEach((person, index) => {
    const table = tableIndex.get(input.preassigned.get(person.id) ?? '');
    if (table !== undefined && fixedAt[table]!.length < tables[table]!.capacity) {
      fixedAt[table]!.push(index);
    } else {
      free.push(index);
    }
  });

  const occupancy = planShape(tables, fixedAt, free.length);
  const used = tables.flatMap((_, index) => (occupancy[index]! > 0 ? [index] : []));
  const freeByType: number[][] = Array.from({ length: typeIndex.size }, () => []);
  for (const person of shuffled(free, rng)) freeByType[typeOf[person]!]!.push(person);
  const { byTable, unseated } = constructMixedSeating({
    fixedTypes: used.map((table) => new Set(fixedAt[table]!.map((p) => typeOf[p]!))),
    freeSeats: used.map((table) => occupancy[table]! - fixedAt[table]!.length),
    targets: used.map((table) => Math.min(MIX_TARGET_TYPES, occupancy[table]!)),
    freeByType,
  });

  const members = [...used.map((table, at) => [...fixedAt[table]!, ...byTable[at]!]), unseated];
  const board = boardOf(members, typeOf, typeIndex.size, free, metSets(input, personIndex));
  const best = separateMetPairs(board, rng, metAmongFixed(fixedAt, board.met));

  const seats = new Map<string, string>();
  const left: string[] = [];
  best.tableOf.forEach((at, person) => {
    const id = people[person]!.id;
    if (at === used.length) left.push(id);
    else seats.set(id, tables[used[at]!]!.id);
  });
  return { seats, unseated: left, score: best.score };
}

/**
 * How many people each table takes (0 for tables the round leaves empty): tables holding
 * pre-assigned people, then the largest others until the free people fit, then free seats are
 * given one at a time to the emptiest table among them.
 */
export function planShape(
  tables: readonly RoundTable[],
  fixedAt: readonly (readonly number[])[],
  freeCount: number,
): number[] {
  const inUse = tables.map((_, index) => fixedAt[index]!.length > 0);
  let seats = 0;
  tables.forEach((table, index) => {
    if (inUse[index]) seats += table.capacity - fixedAt[index]!.length;
  });
  const bySize = tables
    .map((table, index) => ({ index, capacity: table.capacity }))
    .sort((x, y) => y.capacity - x.capacity || x.index - y.index);
  for (const { index, capacity } of bySize) {
    if (seats >= freeCount) break;
    if (inUse[index]) continue;
    inUse[index] = true;
    seats += capacity;
  }
  const occupancy = tables.map((_, index) => (inUse[index] ? fixedAt[index]!.length : 0));
  for (let placed = 0; placed < Math.min(freeCount, seats); placed++) {
    let emptiest = -1;
    tables.forEach((table, index) => {
      if (!inUse[index] || occupancy[index]! >= table.capacity) return;
      if (emptiest < 0 || occupancy[index]! < occupancy[emptiest]!) emptiest = index;
    });
    occupancy[emptiest]!++;
  }
  return occupancy;
}

function shuffled<T>(items: readonly T[], rng: RandomGenerator): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function metSets(input: RoundSeatingInput, personIndex: Map<string, number>): Set<number>[] {
  const met = input.people.map(() => new Set<number>());
  for (const [x, y] of input.metPairs) {
    const a = personIndex.get(x);
    const b = personIndex.get(y);
    if (a === undefined || b === undefined || a === b) continue;
    met[a]!.add(b);
    met[b]!.add(a);
  }
  return met;
}

function metAmongFixed(fixedAt: readonly number[][], met: readonly ReadonlySet<number>[]): number {
  let pairs = 0;
  for (const people of fixedAt) {
    for (const a of people) for (const b of people) if (a < b && met[a]!.has(b)) pairs++;
  }
  return pairs;
}

function boardOf(
  members: number[][],
  typeOf: Int32Array,
  typeCount: number,
  movable: readonly number[],
  met: readonly ReadonlySet<number>[],
): Board {
  const tableOf = new Int32Array(typeOf.length);
  const typeCounts = members.map(() => new Int32Array(typeCount));
  const distinct = new Int32Array(members.length);
  members.forEach((people, table) => {
    for (const person of people) {
      tableOf[person] = table;
      if (typeCounts[table]![typeOf[person]!]!++ === 0) distinct[table]!++;
    }
  });
  return {
    tableCount: members.length - 1,
    tableOf,
    members,
    typeOf,
    typeCounts,
    distinct,
    movable,
    met,
  };
}
