import { describe, expect, it } from 'vitest';
import { addMinutes, formatDateTimeRange, isoToLocalInput, localInputToIso } from './datetime';

const HELSINKI = 'Europe/Helsinki';

describe('localInputToIso', () => {
  it('reads wall-clock time in the fair’s zone, winter and summer', () => {
    expect(localInputToIso('2021-03-10T10:00', HELSINKI)).toBe('2021-03-10T10:00:00+02:00');
    expect(localInputToIso('2021-06-10T10:00', HELSINKI)).toBe('2021-06-10T10:00:00+03:00');
    expect(localInputToIso('2021-03-10T10:00', 'America/New_York')).toBe(
      '2021-03-10T10:00:00-05:00',
    );
    expect(localInputToIso('2021-03-10T10:00', 'Asia/Kolkata')).toBe('2021-03-10T10:00:00+05:30');
  });

  it('gives the same instant whatever zone the browser is in', () => {
    const iso = localInputToIso('2021-03-10T10:00', HELSINKI) ?? '';
    expect(new Date(iso).toISOString()).toBe('2021-03-10T08:00:00.000Z');
  });

  it('moves a time skipped by the spring change forward, as clocks do', () => {
    expect(localInputToIso('2021-03-28T03:30', HELSINKI)).toBe('2021-03-28T04:30:00+03:00');
  });

  it('refuses empty and malformed values', () => {
    expect(localInputToIso('', HELSINKI)).toBeUndefined();
    expect(localInputToIso('10.3.2021 10:00', HELSINKI)).toBeUndefined();
  });
});

describe('isoToLocalInput', () => {
  it('shows an instant as wall-clock time in the zone, for a datetime-local input', () => {
    expect(isoToLocalInput('2021-03-10T08:00:00Z', HELSINKI)).toBe('2021-03-10T10:00');
    expect(isoToLocalInput('2021-03-10T10:00:00+02:00', 'UTC')).toBe('2021-03-10T08:00');
  });

  it('round-trips with localInputToIso', () => {
    const local = '2021-10-31T12:15';
    expect(isoToLocalInput(localInputToIso(local, HELSINKI) ?? '', HELSINKI)).toBe(local);
  });

  it('shows the Helsinki wall clock across the autumn change', () => {
    expect(isoToLocalInput('2021-10-31T00:30:00Z', HELSINKI)).toBe('2021-10-31T03:30');
    expect(isoToLocalInput('2021-10-31T01:30:00Z', HELSINKI)).toBe('2021-10-31T03:30');
    expect(isoToLocalInput('2021-10-31T02:30:00Z', HELSINKI)).toBe('2021-10-31T04:30');
  });
});

describe('addMinutes', () => {
  it('moves an instant by minutes', () => {
    expect(addMinutes('2021-03-10T10:00:00+02:00', 30)).toBe('2021-03-10T08:30:00.000Z');
  });
});

describe('formatDateTimeRange', () => {
  const start = '2021-03-10T08:00:00Z';
  const end = '2021-03-10T11:00:00Z';

  it('formats in the fair’s zone with each language’s conventions', () => {
    expect(formatDateTimeRange(start, end, HELSINKI, 'fi')).toContain('10.00');
    expect(formatDateTimeRange(start, end, HELSINKI, 'fi')).toContain('13.00');
    expect(formatDateTimeRange(start, end, HELSINKI, 'en')).toContain('10:00');
    expect(formatDateTimeRange(start, end, HELSINKI, 'sv')).toContain('mars');
    expect(formatDateTimeRange(start, end, 'UTC', 'en')).toContain('08:00');
  });
});
