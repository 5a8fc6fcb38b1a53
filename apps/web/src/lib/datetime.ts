import { TZDate } from '@date-fns/tz';
import type { Language } from '@kohtaamo/protocol';
import { format } from 'date-fns';
import { localeOf } from './language';

const MS_PER_MINUTE = 60_000;

/** The value shape of `<input type="datetime-local">`: wall-clock time with no zone. */
const LOCAL_INPUT_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a datetime-local value as wall-clock time in the given zone and returns an ISO string
 * with that zone's offset ("2021-03-10T10:00" in Helsinki → "2021-03-10T10:00:00+02:00").
 * Returns undefined for an empty or malformed value. A time that does not exist (skipped by a
 * daylight-saving change) moves forward by the length of the gap, as clocks do.
 */
export function localInputToIso(local: string, timeZone: string): string | undefined {
  const match = LOCAL_INPUT_PATTERN.exec(local);
  if (!match) return undefined;
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0] = match
    .slice(1)
    .map((part) => Number(part ?? 0));
  const instant = new TZDate(year, month - 1, day, hour, minute, second, timeZone);
  return format(instant, "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** The datetime-local value that shows an instant as wall-clock time in the given zone. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd'T'HH:mm");
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
