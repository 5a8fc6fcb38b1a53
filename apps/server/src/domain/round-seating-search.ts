import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** The mix every table aims for: people of at least this many organisation types. */
export const MIX_TARGET_TYPES = 4;

/**
 * A seating being improved. Tables are indexes 0..tableCount-1; index `tableCount` is the pool
 * of people left without a seat (it has no mix target and nobody meets there).
 */
export interface Board {
  tableCount: number;
  tableOf: Int32Array;
  members: number[][];
  typeOf: Int32Array;
  /** typeCounts[table][type]: people of that type at the table. */
  typeCounts: Int32Array[];
  distinct: Int32Array;
  movable: readonly number[];
  met: readonly ReadonlySet<number>[];
}

export interface Score {
  /** Σ over tables of the types missing from min(MIX_TARGET_TYPES, people at the table). */
  mixDeficit: number;
  /** Pairs who already met and sit at one table. */
  metTogether: number;
}

/** Work limits so a very large or impossible round cannot hold the event loop for long. */
const MAX_SWAP_EVALUATIONS = 3_000_000;
const MAX_ITERATIONS_PER_PERSON = 200;
/** Tabu tenure, as in TabuCol: a random part plus a share of the people still in conflict. */
const TENURE_RANDOM = 9;
const TENURE_PER_CONFLICT = 0.6;
/** Random swaps of anyone tried per step, per movable person. */
const SIDE_SWAPS_PER_PERSON = 2;

export function targetOf(board: Board, table: number): number {
  return table === board.tableCount ? 0 : Math.min(MIX_TARGET_TYPES, board.members[table]!.length);
}

export function scoreOf(board: Board): Score {
  let mixDeficit = 0;
  let twice = 0;
  for (let table = 0; table < board.tableCount; table++) {
    mixDeficit += Math.max(0, targetOf(board, table) - board.distinct[table]!);
    for (const person of board.members[table]!) twice += metAt(board, person, table);
  }
  return { mixDeficit, metTogether: twice / 2 };
}

/** How many people at `table` (other than `person`) have met `person`. */
function metAt(board: Board, person: number, table: number): number {
  if (table === board.tableCount) return 0;
  const met = board.met[person]!;
  let count = 0;
  for (const other of board.members[table]!) if (other !== person && met.has(other)) count++;
  return count;
}

function deficitAt(board: Board, table: number): number {
  return Math.max(0, targetOf(board, table) - board.distinct[table]!);
}

function deficitChange(board: Board, table: number, out: number, into: number): number {
  if (table === board.tableCount || out === into) return 0;
  const counts = board.typeCounts[table]!;
  const distinct =
    board.distinct[table]! - (counts[out] === 1 ? 1 : 0) + (counts[into] === 0 ? 1 : 0);
  const target = targetOf(board, table);
  return Math.max(0, target - distinct) - Math.max(0, target - board.distinct[table]!);
}

function swapChange(board: Board, a: number, b: number): Score {
  const tableA = board.tableOf[a]!;
  const tableB = board.tableOf[b]!;
  const typeA = board.typeOf[a]!;
  const typeB = board.typeOf[b]!;
  const together = board.met[a]!.has(b) ? 1 : 0;
  const pool = board.tableCount;
  const gainA = tableA === pool ? 0 : metAt(board, b, tableA) - together;
  const gainB = tableB === pool ? 0 : metAt(board, a, tableB) - together;
  return {
    mixDeficit:
      deficitChange(board, tableA, typeA, typeB) + deficitChange(board, tableB, typeB, typeA),
    metTogether: gainA + gainB - metAt(board, a, tableA) - metAt(board, b, tableB),
  };
}

function applySwap(board: Board, a: number, b: number): void {
  const tableA = board.tableOf[a]!;
  const tableB = board.tableOf[b]!;
  moveOut(board, a, tableA);
  moveOut(board, b, tableB);
  moveIn(board, a, tableB);
  moveIn(board, b, tableA);
}

function moveOut(board: Board, person: number, table: number): void {
  const members = board.members[table]!;
  members.splice(members.indexOf(person), 1);
  const counts = board.typeCounts[table]!;
  const type = board.typeOf[person]!;
  counts[type]!--;
  if (counts[type] === 0) board.distinct[table]!--;
}

function moveIn(board: Board, person: number, table: number): void {
  board.members[table]!.push(person);
  board.tableOf[person] = table;
  const counts = board.typeCounts[table]!;
  const type = board.typeOf[person]!;
  if (counts[type] === 0) board.distinct[table]!++;
  counts[type]!++;
}

/**
 * Every swap of someone in focus (sitting with a person they met, or at a table missing a type),
 * then random swaps of anyone: the mix rule can block every direct way out of a conflict, and
 * only rearranging others first opens one.
 */
function* candidateSwaps(
  board: Board,
  focus: readonly number[],
  rng: RandomGenerator,
): Generator<[number, number]> {
  for (const a of focus) for (const b of board.movable) yield [a, b];
  const last = board.movable.length - 1;
  for (let sample = 0; sample < SIDE_SWAPS_PER_PERSON * board.movable.length; sample++) {
    yield [board.movable[uniformInt(rng, 0, last)]!, board.movable[uniformInt(rng, 0, last)]!];
  }
}

interface Swap {
  a: number;
  b: number;
  change: Score;
}

/** The best swap offered so far, ties broken at random (reservoir sampling). */
class BestSwap {
  swap: Swap | null = null;
  private ties = 0;

  constructor(private readonly rng: RandomGenerator) {}

  offer(swap: Swap): void {
    if (this.swap === null || better(swap.change, this.swap.change)) {
      this.swap = swap;
      this.ties = 1;
    } else if (
      !better(this.swap.change, swap.change) &&
      uniformInt(this.rng, 0, this.ties++) === 0
    ) {
      this.swap = swap;
    }
  }
}

function better(x: Score, y: Score): boolean {
  return (
    x.mixDeficit < y.mixDeficit || (x.mixDeficit === y.mixDeficit && x.metTogether < y.metTogether)
  );
}

/**
 * Tabu search over swaps of two movable people at different tables (the pool included), in the
 * manner of TabuCol for graph colouring: each step takes the best swap (fewest types missing
 * first, then fewest met pairs) that moves someone who sits with a person they met, even when
 * it makes things worse, and forbids undoing it for a while, so the search walks out of local
 * minima. A swap that loses a type is taken only when nothing better is allowed: some seatings
 * are reached only by rotating three people, two swaps through a worse mix; while the mix is
 * worse than the best seen, people at tables missing a type are moved too. Only a seating better
 * in that order replaces the best one, and the search starts from a seating with the least
 * deficit possible, so the seating returned keeps that mix. It stops once only `unavoidable`
 * met pairs are left (pre-assigned together by the organiser). Returns the best seating seen
 * (as each person's table) and its score.
 */
export function separateMetPairs(
  board: Board,
  rng: RandomGenerator,
  unavoidable: number,
): { tableOf: Int32Array; score: Score } {
  let current = scoreOf(board);
  let best = { tableOf: board.tableOf.slice(), score: current };
  const tabuUntil = new Map<number, number>();
  const tabuKey = (person: number, table: number) => person * (board.tableCount + 1) + table;
  const isTabu = (person: number, table: number, step: number) =>
    (tabuUntil.get(tabuKey(person, table)) ?? -1) > step;
  const maxIterations = MAX_ITERATIONS_PER_PERSON * board.movable.length;
  let evaluations = 0;

  for (let step = 0; step < maxIterations && best.score.metTogether > unavoidable; step++) {
    const focus = board.movable.filter(
      (p) =>
        metAt(board, p, board.tableOf[p]!) > 0 ||
        (current.mixDeficit > best.score.mixDeficit && deficitAt(board, board.tableOf[p]!) > 0),
    );
    const allowed = new BestSwap(rng);
    // In a small round every swap can be tabu; then the best of them is taken, not none.
    const tabuOnly = new BestSwap(rng);
    for (const [a, b] of candidateSwaps(board, focus, rng)) {
      const tableA = board.tableOf[a]!;
      const tableB = board.tableOf[b]!;
      if (tableB === tableA) continue;
      evaluations++;
      const change = swapChange(board, a, b);
      const after = {
        mixDeficit: current.mixDeficit + change.mixDeficit,
        metTogether: current.metTogether + change.metTogether,
      };
      const tabu = isTabu(a, tableB, step) || isTabu(b, tableA, step);
      (tabu && !better(after, best.score) ? tabuOnly : allowed).offer({ a, b, change });
    }
    const chosen = allowed.swap ?? tabuOnly.swap;
    if (chosen === null || evaluations > MAX_SWAP_EVALUATIONS) break;
    const { a, b, change } = chosen;
    const tenure =
      uniformInt(rng, 0, TENURE_RANDOM) + Math.floor(TENURE_PER_CONFLICT * focus.length);
    tabuUntil.set(tabuKey(a, board.tableOf[a]!), step + tenure);
    tabuUntil.set(tabuKey(b, board.tableOf[b]!), step + tenure);
    applySwap(board, a, b);
    current = {
      mixDeficit: current.mixDeficit + change.mixDeficit,
      metTogether: current.metTogether + change.metTogether,
    };
    if (better(current, best.score)) best = { tableOf: board.tableOf.slice(), score: current };
  }
  return best;
}
