import type { Language } from '@kohtaamo/protocol';
import { localeOf } from './language';

const MS_PER_MINUTE = 60_000;

/** The value shape of `<input type="datetime-local">`: wall-clock time with no zone. */
const LOCAL_INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partFormatter(timeZone).formatToParts(instantMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function wallClockAsUtcMs(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function parseLocalInput(local: string): WallClock | undefined {
  const match = LOCAL_INPUT_PATTERN.exec(local);
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  return { year, month, day, hour, minute, second };
}

/** Minutes the zone is ahead of UTC at that instant (Helsinki in winter: 120). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const instantToTheSecond = Math.floor(instantMs / 1000) * 1000;
  return (wallClockAsUtcMs(wallClockAt(instantMs, timeZone)) - instantToTheSecond) / MS_PER_MINUTE;
}

const pad = (value: number, length = 2): string => String(Math.abs(value)).padStart(length, '0');

function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
}

/**
 * Reads a datetime-local value as wall-clock time in the given zone and returns an ISO string
 * with that zone's offset ("2021-03-10T10:00" in Helsinki → "2021-03-10T10:00:00+02:00").
 * Returns undefined for an empty or malformed value. A time that does not exist (skipped by a
 * daylight-saving change) moves forward by the length of the gap, as clocks do.
 */
export function localInputToIso(local: string, timeZone: string): string | undefined {
  const wanted = parseLocalInput(local);
  if (!wanted) return undefined;
  const asUtc = wallClockAsUtcMs(wanted);
  // The offset depends on the instant we are looking for, so guess with the offset at the
  // wall-clock time read as UTC, then correct once with the offset at the guessed instant.
  const firstGuess = asUtc - offsetMinutesAt(asUtc, timeZone) * MS_PER_MINUTE;
  const instant = asUtc - offsetMinutesAt(firstGuess, timeZone) * MS_PER_MINUTE;
  const offset = offsetMinutesAt(instant, timeZone);
  const clock = wallClockAt(instant, timeZone);
  const date = `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}`;
  const time = `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  return `${date}T${time}${formatOffset(offset)}`;
}

/** The datetime-local value that shows an instant as wall-clock time in the given zone. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  const clock = wallClockAt(instant, timeZone);
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** The same instant moved by some minutes, as an ISO string in UTC. */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MS_PER_MINUTE).toISOString();
}

/** "10.3.2021 10.00–13.00" in Finnish, "10 Mar 2021, 10:00–13:00" in English. */
export function formatDateTimeRange(
  startIso: string,
  endIso: string,
  timeZone: string,
  language: Language,
): string {
  const formatter = new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return formatter.formatRange(Date.parse(startIso), Date.parse(endIso));
}

/** The time zones the browser knows, for a picker, with the given one always included. */
export function knownTimeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}
