import { describe, expect, it } from 'vitest';
import { daysBetween, localDateOf, speakersInCopy, timeShifter } from './fair-copy';

describe('copying a fair to a new date', () => {
  it('reads the first day in the fair’s time zone, not in UTC', () => {
    // 23:30 UTC on 9 March is already 10 March in Helsinki.
    expect(localDateOf('2021-03-09T23:30:00Z', 'Europe/Helsinki')).toBe('2021-03-10');
    expect(daysBetween('2021-03-10', '2021-03-12')).toBe(2);
    expect(daysBetween('2021-03-10', '2021-03-09')).toBe(-1);
  });

  it('keeps wall-clock times across a daylight-saving change', () => {
    // 10:00 in Helsinki on 10 March 2021 (UTC+2) → 10:00 on 12 May 2027 (UTC+3).
    const shift = timeShifter('2021-03-10T08:00:00Z', '2027-05-12', 'Europe/Helsinki');
    expect(shift('2021-03-10T08:00:00Z')).toBe('2027-05-12T07:00:00.000Z');
    // An item on the next day moves with the fair.
    expect(shift('2021-03-11T12:30:00Z')).toBe('2027-05-13T11:30:00.000Z');
  });

  it('moves a fair to an earlier date too', () => {
    const shift = timeShifter('2026-03-10T08:00:00Z', '2026-03-03', 'Europe/Helsinki');
    expect(shift('2026-03-10T08:00:00Z')).toBe('2026-03-03T08:00:00.000Z');
  });

  it('keeps only the copier among the speakers', () => {
    expect(speakersInCopy(['a', 'me', 'b'], 'me', 'me-copy')).toEqual(['me-copy']);
    expect(speakersInCopy(['a', 'b'], 'me', 'me-copy')).toEqual([]);
  });
});
