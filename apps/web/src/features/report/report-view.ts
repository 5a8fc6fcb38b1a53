/**
 * The organiser report shaped for its charts and tables: labels in the reader's language and
 * the fair's time zone, rows in the order they are shown. Charts and tables read the same rows.
 */
import {
  pickText,
  type Distribution,
  type Language,
  type Occupancy,
  type OrganisationType,
  type ThemeReport,
} from '@kohtaamo/protocol';
import { localeOf } from '../../lib/language';

export interface HistogramRow {
  label: string;
  people: number;
}

/** One bar per bin: "0", "1", "2–3". */
export function histogramRows(distribution: Distribution): HistogramRow[] {
  return distribution.histogram.map((bin) => ({
    label: bin.from === bin.to ? String(bin.from) : `${bin.from}–${bin.to}`,
    people: bin.people,
  }));
}

export interface ThemeRow {
  roomId: string;
  name: string;
  meetings: number;
  minutes: number;
}

/** Themes with the most meetings first; equal ones by name. Minutes are whole. */
export function themeRows(themes: readonly ThemeReport[], language: Language): ThemeRow[] {
  const collator = new Intl.Collator(localeOf(language));
  return themes
    .map((theme) => ({
      roomId: theme.roomId,
      name: pickText(theme.names, language),
      meetings: theme.meetings,
      minutes: Math.round(theme.minutes),
    }))
    .sort((a, b) => b.meetings - a.meetings || collator.compare(a.name, b.name));
}

/** A row of the occupancy chart: the time label and seated people per room (`room0`, …). */
export type OccupancyRow = { time: string } & Record<`room${number}`, number>;

export interface OccupancyView {
  rooms: { key: `room${number}`; name: string }[];
  rows: OccupancyRow[];
}

/** Seated people per room per time bucket, to one decimal, times as "10:15" in the fair's zone. */
export function occupancyView(
  occupancy: Occupancy,
  language: Language,
  timeZone: string,
): OccupancyView {
  const rooms = occupancy.rooms.map((room, index) => ({
    key: `room${index}` as const,
    name: pickText(room.names, language),
  }));
  const formatTime = new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const rows = occupancy.series.map((point) => {
    const row: OccupancyRow = { time: formatTime.format(Date.parse(point.at)) };
    rooms.forEach((room, index) => {
      row[room.key] = Math.round((point.seated[index] ?? 0) * 10) / 10;
    });
    return row;
  });
  return { rooms, rows };
}

/** "NGO ↔ Municipality", with the type names given by the caller in the reader's language. */
export function linkLabel(
  link: { a: OrganisationType; b: OrganisationType },
  nameOf: (type: OrganisationType) => string,
): string {
  return `${nameOf(link.a)} ↔ ${nameOf(link.b)}`;
}

/** Averages and medians to at most one decimal, in the reader's number format ("2,5"). */
export function formatDecimal(value: number, language: Language): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 1 }).format(value);
}
