import type { Occupancy } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { formatDecimal, histogramRows, linkLabel, occupancyView, themeRows } from './report-view';

const HOUSING = '00000000-0000-4000-8000-000000000020';
const WORK = '00000000-0000-4000-8000-000000000021';

describe('report view', () => {
  it('labels single counts and ranges of the histogram', () => {
    const rows = histogramRows({
      average: 2,
      median: 2,
      histogram: [
        { from: 0, to: 0, people: 4 },
        { from: 1, to: 1, people: 7 },
        { from: 2, to: 3, people: 9 },
      ],
    });
    expect(rows).toEqual([
      { label: '0', people: 4 },
      { label: '1', people: 7 },
      { label: '2–3', people: 9 },
    ]);
  });

  it('puts the themes with most meetings first, named in the reader language', () => {
    const rows = themeRows(
      [
        { roomId: HOUSING, names: { fi: 'Asuminen', en: 'Housing' }, meetings: 3, minutes: 40.4 },
        { roomId: WORK, names: { fi: 'Työ', en: 'Work' }, meetings: 12, minutes: 95.6 },
      ],
      'fi',
    );
    expect(rows.map((row) => [row.name, row.meetings, row.minutes])).toEqual([
      ['Työ', 12, 96],
      ['Asuminen', 3, 40],
    ]);
  });

  it('gives one row per time bucket with each room, in the fair time zone, the way Finland writes times', () => {
    const occupancy: Occupancy = {
      bucketSeconds: 900,
      rooms: [
        { roomId: HOUSING, names: { en: 'Housing', sv: 'Boende' } },
        { roomId: WORK, names: { en: 'Work' } },
      ],
      series: [
        { at: '2021-03-10T08:00:00.000Z', seated: [2.26, 0] },
        { at: '2021-03-10T08:15:00.000Z', seated: [4, 1.5] },
      ],
    };
    const view = occupancyView(occupancy, 'sv', 'Europe/Helsinki');
    expect(view.rooms).toEqual([
      { key: 'room0', name: 'Boende' },
      { key: 'room1', name: 'Work' },
    ]);
    expect(view.rows).toEqual([
      { time: '10.00', room0: 2.3, room1: 0 },
      { time: '10.15', room0: 4, room1: 1.5 },
    ]);
  });

  it('names both ends of a link between organisation types', () => {
    const names = { ngo: 'NGO', municipality: 'Municipality' } as Record<string, string>;
    expect(linkLabel({ a: 'municipality', b: 'ngo' }, (type) => names[type] ?? type)).toBe(
      'Municipality ↔ NGO',
    );
  });

  it('writes decimals the way the reader language does', () => {
    expect(formatDecimal(2.54, 'fi')).toBe('2,5');
    expect(formatDecimal(2.54, 'en')).toBe('2.5');
    expect(formatDecimal(3, 'en')).toBe('3');
  });
});
