import { describe, expect, it } from 'vitest';
import { intervalColumns } from './meetings';
import { organisationKey } from './new-actors';
import { computeReport, distribution, type ReportPerson } from './report';
import { rankTables } from './suggestions';

const ROOMS = [
  { roomId: '00000000-0000-4000-8000-000000000001', names: { fi: 'Työllisyys' } },
  { roomId: '00000000-0000-4000-8000-000000000002', names: { fi: 'Asuminen' } },
];

function person(index: number, organisation: string, type: ReportPerson['organisationType']) {
  return {
    accountId: `account-${index}`,
    organisationKey: organisationKey(organisation),
    organisationType: type,
    role: 'participant' as const,
  };
}

describe('the organiser report', () => {
  it('gives average, median and a histogram starting at 0', () => {
    expect(distribution(Int32Array.from([0, 2, 2, 5]))).toEqual({
      average: 2.25,
      median: 2,
      histogram: [0, 1, 2, 3, 4, 5].map((n) => ({
        from: n,
        to: n,
        people: [1, 0, 2, 0, 0, 1][n],
      })),
    });
    const wide = distribution(Int32Array.from({ length: 100 }, (_, i) => i));
    expect(wide.histogram).toHaveLength(20);
    expect(wide.histogram.reduce((sum, bin) => sum + bin.people, 0)).toBe(100);
  });

  it('counts meetings and minutes per theme, links between organisation types and occupancy', () => {
    const people = [
      person(0, 'Setlementti ry', 'ngo'),
      person(1, 'Espoon kaupunki', 'municipality'),
      person(2, 'Luckan rf', 'ngo'),
    ];
    const intervals = intervalColumns(4);
    // 0 and 1 meet at table 0 (room 0) for 10 minutes; 0 and 2 meet at table 1 (room 1).
    const rows: [number, number, number, number][] = [
      [0, 0, 0, 600],
      [1, 0, 0, 600],
      [0, 1, 600, 900],
      [2, 1, 600, 900],
    ];
    rows.forEach(([p, t, start, end], row) => {
      intervals.person[row] = p;
      intervals.table[row] = t;
      intervals.startMs[row] = start * 1000;
      intervals.endMs[row] = end * 1000;
    });
    const report = computeReport({
      fairId: '00000000-0000-4000-8000-00000000000f',
      generatedAt: new Date(0),
      thresholdSeconds: 120,
      graceMs: 120_000,
      people,
      rooms: ROOMS,
      tableRoom: Int32Array.from([0, 1]),
      intervals,
      exchanged: [],
      earlier: new Map(),
    });
    expect(report.meetings).toBe(2);
    expect(report.participants).toEqual({ registered: 3, seated: 3 });
    expect(report.themes.map(({ meetings, minutes }) => ({ meetings, minutes }))).toEqual([
      { meetings: 1, minutes: 20 },
      { meetings: 1, minutes: 10 },
    ]);
    expect(report.organisationLinks).toHaveLength(2);
    expect(report.organisationLinks).toEqual(
      expect.arrayContaining([
        { a: 'ngo', b: 'municipality', meetings: 1 },
        { a: 'ngo', b: 'ngo', meetings: 1 },
      ]),
    );
    expect(report.newPeople.average).toBeCloseTo(4 / 3);
    expect(report.occupancy.bucketSeconds).toBe(60);
    expect(report.occupancy.series[0]!.seated).toEqual([2, 0]);
    expect(report.occupancy.series[12]!.seated).toEqual([0, 2]);
    expect(JSON.stringify(report)).not.toMatch(/account-|Setlementti|Espoon/);
  });
});

describe('table suggestions', () => {
  const me = { id: 'me', organisation: 'Setlementti ry', themes: ['housing'] };
  const table = (tableId: string, roomId: string, organisations: string[], capacity = 6) => ({
    tableId,
    roomId,
    capacity,
    locked: false,
    closed: false,
    seated: organisations.map((organisation, i) => ({ id: `${tableId}-${i}`, organisation })),
  });

  it('points to free seats among organisations not met yet, my themes first', () => {
    const ranked = rankTables(me, new Set([organisationKey('Luckan rf')]), [
      table('full', 'housing', ['Espoon kaupunki', 'A', 'B'], 3),
      table('met-only', 'housing', ['Luckan rf', 'setlementti ry']),
      table('other-theme', 'work', ['Espoon kaupunki', 'Vantaan kaupunki']),
      table('my-theme', 'housing', ['Espoon kaupunki']),
    ]);
    expect(ranked.map((suggestion) => suggestion.tableId)).toEqual(['my-theme', 'other-theme']);
    expect(ranked[0]).toMatchObject({ sharesMyTheme: true, newOrganisations: ['Espoon kaupunki'] });
  });
});
