import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seatRound, type RoundSeating, type RoundSeatingInput } from './round-seating';

const TYPES = ['ngo', 'municipality', 'state_authority', 'company', 'education', 'volunteer'];
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const tablesOf = (count: number, capacity = 6) =>
  range(count).map((i) => ({ id: `t${i}`, capacity }));

/** Per table, the people seated there (ids), with the unseated under the key ''. */
function byTable(result: RoundSeating): Map<string, string[]> {
  const tables = new Map<string, string[]>([['', result.unseated]]);
  for (const [person, table] of result.seats)
    tables.set(table, [...(tables.get(table) ?? []), person]);
  return tables;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function metTogether(tables: Map<string, string[]>, met: ReadonlySet<string>): number {
  let count = 0;
  for (const [table, people] of tables) {
    if (table === '') continue;
    for (const a of people) for (const b of people) if (a < b && met.has(pairKey(a, b))) count++;
  }
  return count;
}

function typeCount(people: readonly string[], typeOf: ReadonlyMap<string, string>): number {
  return new Set(people.map((person) => typeOf.get(person))).size;
}

/** Σ over tables of the organisation types missing from min(4, people at the table). */
function mixDeficit(tables: Map<string, string[]>, typeOf: ReadonlyMap<string, string>): number {
  let deficit = 0;
  for (const [table, people] of tables) {
    if (table !== '')
      deficit += Math.max(0, Math.min(4, people.length) - typeCount(people, typeOf));
  }
  return deficit;
}

function checkRules(input: RoundSeatingInput, result: RoundSeating): void {
  const capacity = new Map(input.tables.map((table) => [table.id, table.capacity]));
  for (const [table, people] of byTable(result)) {
    if (table !== '') expect(people.length).toBeLessThanOrEqual(capacity.get(table)!);
  }
  expect(result.seats.size + result.unseated.length).toBe(input.people.length);
  const seats = input.tables.reduce((sum, table) => sum + table.capacity, 0);
  expect(result.seats.size).toBe(Math.min(seats, input.people.length));
}

/**
 * A random fair of the issue's size: 60 people, 6 types, 10 to 14 tables of 6. Its people are
 * made from a hidden seating of 10 tables where every table has at least 4 types; the people
 * who met are previous rounds' tablemates plus card exchanges, minus anyone the hidden seating
 * puts together. So a seating that keeps both rules exists, and the shuffle must find one.
 */
const plantedFair = fc
  .record({
    tableTypes: fc.array(
      fc.tuple(
        fc.shuffledSubarray(range(6), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 2 }),
      ),
      { minLength: 10, maxLength: 10 },
    ),
    order: fc.shuffledSubarray(range(60), { minLength: 60, maxLength: 60 }),
    earlierRounds: fc.array(fc.shuffledSubarray(range(60), { minLength: 60, maxLength: 60 }), {
      maxLength: 4,
    }),
    exchanges: fc.array(fc.tuple(fc.nat(59), fc.nat(59)), { maxLength: 120 }),
    preassigned: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
    preassignShare: fc.integer({ min: 0, max: 4 }),
    extraTables: fc.integer({ min: 0, max: 4 }),
    seed: fc.integer(),
  })
  .map((fair) => {
    // Hidden seat i is at hidden table ⌊i/6⌋; person `order[i]` takes it.
    const hiddenTable = new Map(
      fair.order.map((person, seat) => [`p${person}`, Math.floor(seat / 6)]),
    );
    const types = fair.tableTypes.flatMap(([four, two]) => [...four, ...two]);
    const people = range(60).map((person) => ({
      id: `p${person}`,
      organisationType: TYPES[types[fair.order.indexOf(person)]!]!,
    }));
    const candidates: [string, string][] = [
      ...fair.earlierRounds.flatMap((round) =>
        range(60).flatMap((i) =>
          range(60)
            .filter((j) => j > i && Math.floor(i / 6) === Math.floor(j / 6))
            .map((j): [string, string] => [`p${round[i]}`, `p${round[j]}`]),
        ),
      ),
      ...fair.exchanges.map(([a, b]): [string, string] => [`p${a}`, `p${b}`]),
    ];
    const metPairs = candidates.filter(
      ([a, b]) => a !== b && hiddenTable.get(a) !== hiddenTable.get(b),
    );
    const preassigned = new Map(
      people
        .filter((_, i) => fair.preassigned[i] && i % 5 < fair.preassignShare)
        .map((person) => [person.id, `t${hiddenTable.get(person.id)}`]),
    );
    return {
      people,
      tables: tablesOf(10 + fair.extraTables),
      metPairs,
      preassigned,
      seed: fair.seed,
    } satisfies RoundSeatingInput;
  });

describe('round seating over random fairs', () => {
  it('60 people of 6 types at tables of 6: at least 4 types per table and no met pair together when a seating like that exists', () => {
    fc.assert(
      fc.property(plantedFair, (input) => {
        const result = seatRound(input);
        checkRules(input, result);
        for (const [person, table] of input.preassigned)
          expect(result.seats.get(person)).toBe(table);
        const typeOf = new Map(input.people.map((p) => [p.id, p.organisationType]));
        const tables = byTable(result);
        for (const [table, people] of tables) {
          if (table !== '') expect(typeCount(people, typeOf)).toBeGreaterThanOrEqual(4);
        }
        const met = new Set(input.metPairs.map(([a, b]) => pairKey(a, b)));
        expect(metTogether(tables, met)).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('60 people with any mix of 6 types: as many tables reach 4 types as the numbers allow', () => {
    const fair = fc.record({
      dominant: fc.integer({ min: 0, max: 60 }),
      others: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 60, maxLength: 60 }),
      exchanges: fc.array(fc.tuple(fc.nat(59), fc.nat(59)), { maxLength: 200 }),
      extraTables: fc.integer({ min: 0, max: 3 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(fair, ({ dominant, others, exchanges, extraTables, seed }) => {
        const people = range(60).map((i) => ({
          id: `p${i}`,
          organisationType: TYPES[i < dominant ? 0 : others[i]!]!,
        }));
        const input: RoundSeatingInput = {
          people,
          tables: tablesOf(10 + extraTables),
          metPairs: exchanges.map(([a, b]) => [`p${a}`, `p${b}`] as const),
          preassigned: new Map(),
          seed,
        };
        const result = seatRound(input);
        checkRules(input, result);
        const typeOf = new Map(people.map((p) => [p.id, p.organisationType]));
        const counts = TYPES.map(
          (type) => people.filter((p) => p.organisationType === type).length,
        );
        // The most (table, type) pairs 10 tables of 6 can show, counting up to 4 per table: the
        // minimum cut of the flow source → type → table → sink (see round-seating.ts).
        const reachable = Math.min(
          ...range(11).map(
            (z) => counts.reduce((sum, c) => sum + Math.min(c, z), 0) + 4 * (10 - z),
          ),
        );
        const tables = byTable(result);
        const shown = [...tables]
          .filter(([table]) => table !== '')
          .reduce((sum, [, seated]) => sum + Math.min(4, typeCount(seated, typeOf)), 0);
        expect(tables.size - 1).toBe(10);
        expect(shown).toBe(reachable);
        if (counts.reduce((sum, c) => sum + Math.min(c, 10), 0) >= 40) {
          expect(mixDeficit(tables, typeOf)).toBe(0);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('small fairs, checked against every seating of the same shape', () => {
    const fair = fc.record({
      types: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 8 }),
      capacities: fc.array(fc.integer({ min: 2, max: 4 }), { minLength: 1, maxLength: 3 }),
      met: fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 16 }),
      preassign: fc.array(fc.option(fc.nat(2), { freq: 3 }), { minLength: 8, maxLength: 8 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(fair, ({ types, capacities, met, preassign, seed }) => {
        const people = types.map((type, i) => ({ id: `p${i}`, organisationType: TYPES[type]! }));
        const tables = capacities.map((capacity, i) => ({ id: `t${i}`, capacity }));
        const preassigned = new Map(
          people.flatMap((p, i) => {
            const table = preassign[i];
            return table === null || table === undefined ? [] : [[p.id, `t${table}`] as const];
          }),
        );
        const input: RoundSeatingInput = {
          people,
          tables,
          metPairs: met.map(([a, b]) => [`p${a}`, `p${b}`] as const),
          preassigned,
          seed,
        };
        const result = seatRound(input);
        checkRules(input, result);
        // Rule 1: the first `capacity` people pre-assigned to a table of the round keep it.
        const kept = new Map<string, string>();
        for (const table of tables) {
          people
            .filter((p) => preassigned.get(p.id) === table.id)
            .slice(0, table.capacity)
            .forEach((p) => kept.set(p.id, table.id));
        }
        for (const [person, table] of kept) expect(result.seats.get(person)).toBe(table);

        const typeOf = new Map(people.map((p) => [p.id, p.organisationType]));
        const metSet = new Set(input.metPairs.map(([a, b]) => pairKey(a, b)));
        const ours = byTable(result);
        const best = bestOfShape(ours, kept, typeOf, metSet);
        expect(mixDeficit(ours, typeOf)).toBe(best.deficit);
        if (best.met === 0) expect(metTogether(ours, metSet)).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The best (least mix deficit, then fewest met pairs together) over every way of putting the
 * people not kept by a pre-assignment into the same table sizes as `shape`.
 */
function bestOfShape(
  shape: Map<string, string[]>,
  kept: ReadonlyMap<string, string>,
  typeOf: ReadonlyMap<string, string>,
  met: ReadonlySet<string>,
): { deficit: number; met: number } {
  const tableIds = [...shape.keys()];
  const free = [...shape.values()].flat().filter((person) => !kept.has(person));
  const room = tableIds.map(
    (table) => shape.get(table)!.filter((person) => !kept.has(person)).length,
  );
  const seating = new Map(
    tableIds.map((table) => [table, [...kept].filter(([, t]) => t === table).map(([p]) => p)]),
  );
  let best = { deficit: Infinity, met: Infinity };
  const place = (next: number) => {
    if (next === free.length) {
      const score = { deficit: mixDeficit(seating, typeOf), met: metTogether(seating, met) };
      if (
        score.deficit < best.deficit ||
        (score.deficit === best.deficit && score.met < best.met)
      ) {
        best = score;
      }
      return;
    }
    tableIds.forEach((table, t) => {
      if (room[t] === 0) return;
      room[t]!--;
      seating.get(table)!.push(free[next]!);
      place(next + 1);
      seating.get(table)!.pop();
      room[t]!++;
    });
  };
  place(0);
  return best;
}
