import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';

const MS_PER_DAY = 86_400_000;

/** The calendar day (`YYYY-MM-DD`) an instant falls on in the given time zone. */
export function localDateOf(iso: string, timeZone: string): string {
  return format(new TZDate(Date.parse(iso), timeZone), 'yyyy-MM-dd');
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/**
 * Moves the fair's times to a new first day, keeping each time's wall-clock reading in the fair's
 * time zone. A copy of a 10:00 opening in March lands at 10:00 in May too, although Helsinki
 * moved from UTC+2 to UTC+3 in between; shifting by milliseconds would open it at 11:00.
 */
export function timeShifter(
  sourceStartsAt: string,
  newStartDate: string,
  timeZone: string,
): (iso: string) => string {
  const days = daysBetween(localDateOf(sourceStartsAt, timeZone), newStartDate);
  return (iso) =>
    new Date(addDays(new TZDate(Date.parse(iso), timeZone), days).getTime()).toISOString();
}

/**
 * The speakers an agenda item keeps in a copy: only the copier, who is the one person the copy
 * brings along (as its organiser); everyone else must register for the new fair first.
 */
export function speakersInCopy(
  speakerIds: readonly string[],
  copierSourceId: string,
  copierCopyId: string,
): string[] {
  return speakerIds.includes(copierSourceId) ? [copierCopyId] : [];
}
