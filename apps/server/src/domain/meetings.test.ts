import { describe, expect, it } from 'vitest';
import {
  intervalColumns,
  mergeSittings,
  pairOverlaps,
  pairOverlapsAtTables,
  reachesThreshold,
} from './meetings';
import {
  countNewActors,
  countNewActorsOf,
  type EarlierMet,
  meetingGraph,
  organisationKey,
} from './new-actors';

const GRACE_MS = 120_000;
const THRESHOLD_S = 120;
const s = (seconds: number) => seconds * 1000;

/** [person, table, start s, end s] */
type Sitting = [number, number, number, number];

function sittingsOf(sittings: Sitting[], people: number, tables: number, graceMs: number) {
  const columns = intervalColumns(sittings.length);
  sittings.forEach(([person, table, start, end], row) => {
    columns.person[row] = person;
    columns.table[row] = table;
    columns.startMs[row] = s(start);
    columns.endMs[row] = s(end);
  });
  return mergeSittings(columns, people, tables, graceMs);
}

function overlapsOf(sittings: Sitting[], people = 4, tables = 3, graceMs = GRACE_MS) {
  return pairOverlaps(sittingsOf(sittings, people, tables, graceMs), people, tables);
}

function secondsTogether(sittings: Sitting[], a: number, b: number, graceMs = GRACE_MS) {
  const pairs = overlapsOf(sittings, 4, 3, graceMs);
  const row = pairs.rowOf(Math.min(a, b), Math.max(a, b));
  return row < 0 ? 0 : pairs.overlapMs[row]! / 1000;
}

function metWith(sittings: Sitting[], exchanged: [number, number][] = [], people = 4) {
  const pairs = overlapsOf(sittings, people);
  const graph = meetingGraph(people, pairs, THRESHOLD_S, exchanged);
  return (person: number) =>
    [...graph.partner.subarray(graph.offsets[person]!, graph.offsets[person + 1]!)].sort();
}

describe('meetings from seat intervals', () => {
  it('119 seconds together is not a meeting; 120 seconds is', () => {
    expect(
      metWith([
        [0, 0, 0, 119],
        [1, 0, 0, 300],
      ])(0),
    ).toEqual([]);
    expect(
      metWith([
        [0, 0, 0, 120],
        [1, 0, 0, 300],
      ])(0),
    ).toEqual([1]);
    expect(reachesThreshold(s(119), THRESHOLD_S)).toBe(false);
    expect(reachesThreshold(s(120), THRESHOLD_S)).toBe(true);
  });

  it('sums the time together over several sittings at different tables', () => {
    // 60 s at table 0, then 40 s at table 1, then 20 s back at table 0 much later.
    const sittings: Sitting[] = [
      [0, 0, 0, 60],
      [1, 0, 0, 60],
      [0, 1, 600, 640],
      [1, 1, 610, 700],
      [0, 0, 2000, 2030],
      [1, 0, 2010, 2100],
    ];
    expect(secondsTogether(sittings, 0, 1)).toBe(60 + 30 + 20);
    expect(metWith(sittings)(0)).toEqual([]);
    sittings.push([0, 2, 3000, 3010], [1, 2, 3000, 3010]);
    expect(secondsTogether(sittings, 0, 1)).toBe(120);
    expect(metWith(sittings)(1)).toEqual([0]);
  });

  it('a reconnect gap shorter than the recovery window does not split a sitting', () => {
    // Person 0 drops at 100 s and is back at 150 s; person 1 sits from 110 s to 170 s, inside
    // the gap: with the gap merged they overlap 60 s, without it only 20 s.
    const sittings: Sitting[] = [
      [0, 0, 0, 100],
      [0, 0, 150, 400],
      [1, 0, 110, 170],
    ];
    expect(secondsTogether(sittings, 0, 1)).toBe(60);
    expect(secondsTogether(sittings, 0, 1, 30_000)).toBe(20);
  });

  it('a gap as long as the recovery window does split a sitting', () => {
    const sittings: Sitting[] = [
      [0, 0, 0, 100],
      [0, 0, 220, 400],
      [1, 0, 100, 220],
    ];
    expect(secondsTogether(sittings, 0, 1)).toBe(0);
  });

  it('counts each second once when three people share a table', () => {
    const sittings: Sitting[] = [
      [0, 0, 0, 300],
      [1, 0, 100, 250],
      [2, 0, 200, 500],
    ];
    expect(secondsTogether(sittings, 0, 1)).toBe(150);
    expect(secondsTogether(sittings, 0, 2)).toBe(100);
    expect(secondsTogether(sittings, 1, 2)).toBe(50);
  });

  it('remembers where and when a pair first sat together', () => {
    const pairs = overlapsOf([
      [0, 2, 1000, 1200],
      [1, 2, 1050, 1300],
      [0, 1, 0, 100],
      [1, 1, 40, 90],
    ]);
    const row = pairs.rowOf(0, 1);
    expect(pairs.firstTable[row]).toBe(1);
    expect(pairs.firstAtMs[row]).toBe(s(40));
  });

  it('a sitting of no length is not where a pair first met', () => {
    // Person 1 sits at table 2 and moves on in the same instant, while 0 sits there.
    const pairs = overlapsOf([
      [0, 2, 0, 100],
      [1, 2, 50, 50],
      [0, 1, 200, 500],
      [1, 1, 200, 500],
    ]);
    const row = pairs.rowOf(0, 1);
    expect(pairs.firstTable[row]).toBe(1);
    expect(pairs.overlapMs[row]).toBe(s(300));
  });

  it('keeps time together per table, adding up to the total, each table from its first sitting', () => {
    const sittings: Sitting[] = [
      [0, 0, 0, 60],
      [1, 0, 0, 60],
      [2, 0, 30, 90],
      [0, 1, 600, 640],
      [1, 1, 610, 700],
      [0, 0, 2000, 2030],
      [1, 0, 2010, 2100],
    ];
    const atTables = pairOverlapsAtTables(sittingsOf(sittings, 4, 3, GRACE_MS), 4, 3);
    const rows = Array.from({ length: atTables.count }, (_, row) => [
      atTables.a[row],
      atTables.b[row],
      atTables.table[row],
      atTables.overlapMs[row]! / 1000,
      atTables.firstAtMs[row]! / 1000,
    ]);
    expect(rows.sort()).toEqual(
      [
        [0, 1, 0, 60 + 20, 0],
        [0, 2, 0, 30, 30],
        [1, 2, 0, 30, 30],
        [0, 1, 1, 30, 610],
      ].sort(),
    );
    expect(secondsTogether(sittings, 0, 1)).toBe(60 + 20 + 30);
  });

  it('an exchange of cards is a meeting even without time at a table', () => {
    const met = metWith(
      [
        [0, 0, 0, 30],
        [1, 0, 0, 30],
      ],
      [[1, 0]],
    );
    expect(met(0)).toEqual([1]);
    expect(met(1)).toEqual([0]);
    expect(metWith([], [[2, 3]])(3)).toEqual([2]);
  });

  it('an exchange between people who also sat long enough counts once', () => {
    const pairs = overlapsOf([
      [0, 0, 0, 300],
      [1, 0, 0, 300],
    ]);
    const graph = meetingGraph(4, pairs, THRESHOLD_S, [
      [0, 1],
      [1, 0],
    ]);
    expect(graph.meetings).toBe(1);
  });
});

describe('new actors met', () => {
  const people = [
    { accountId: 'a0', organisationKey: organisationKey('Setlementti ry') },
    { accountId: 'a1', organisationKey: organisationKey('setlementti  RY ') },
    { accountId: 'a2', organisationKey: organisationKey('Helsingin kaupunki') },
    { accountId: 'a3', organisationKey: organisationKey('Helsingin kaupunki') },
    { accountId: 'a4', organisationKey: organisationKey('Luckan rf') },
  ];
  const everyoneWithPerson0: Sitting[] = [
    [0, 0, 0, 600],
    [1, 0, 0, 600],
    [2, 0, 0, 600],
    [3, 0, 0, 600],
    [4, 1, 0, 600],
  ];

  function counts(
    earlier: Map<number, EarlierMet> = new Map(),
    exchanged: [number, number][] = [],
  ) {
    const pairs = overlapsOf(everyoneWithPerson0, people.length, 2);
    const graph = meetingGraph(people.length, pairs, THRESHOLD_S, exchanged);
    return countNewActors(people, graph, earlier);
  }

  it("counts distinct people and organisations, never one's own organisation", () => {
    const { newPeople, newOrganisations } = counts();
    expect(newPeople[0]).toBe(3);
    // Person 1 is from the same organisation (written differently); 2 and 3 share one.
    expect(newOrganisations[0]).toBe(1);
    expect(newPeople[2]).toBe(3);
    expect(newOrganisations[2]).toBe(1);
    expect(newPeople[4]).toBe(0);
  });

  it('people and organisations met at an earlier fair are not new', () => {
    const earlier = new Map<number, EarlierMet>([
      [
        0,
        {
          accounts: new Set(['a2']),
          organisations: new Set([organisationKey('Helsingin kaupunki')]),
        },
      ],
    ]);
    const { newPeople, newOrganisations } = counts(earlier);
    expect(newPeople[0]).toBe(2);
    expect(newOrganisations[0]).toBe(0);
    // Only person 0 had met anyone before.
    expect(newPeople[1]).toBe(3);
  });

  it('a card exchange adds the person and their organisation', () => {
    const { newPeople, newOrganisations } = counts(new Map(), [[0, 4]]);
    expect(newPeople[0]).toBe(4);
    expect(newOrganisations[0]).toBe(2);
    expect(newPeople[4]).toBe(1);
    expect(newOrganisations[4]).toBe(1);
  });

  it("one person's counts from just the people they met are the fair's counts for them", () => {
    const earlier: EarlierMet = {
      accounts: new Set(['a2']),
      organisations: new Set([organisationKey('Luckan rf')]),
    };
    const everyone = counts(new Map([[0, earlier]]), [[0, 4]]);
    expect(countNewActorsOf(people[0]!, people.slice(1), earlier)).toEqual({
      newPeople: everyone.newPeople[0],
      newOrganisations: everyone.newOrganisations[0],
    });
    expect(countNewActorsOf(people[0]!, people.slice(1), earlier)).toEqual({
      newPeople: 3,
      newOrganisations: 1,
    });
    expect(countNewActorsOf(people[4]!, [], undefined)).toEqual({
      newPeople: 0,
      newOrganisations: 0,
    });
  });
});
