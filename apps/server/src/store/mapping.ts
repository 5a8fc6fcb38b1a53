import { LANGUAGES } from '@kohtaamo/protocol';
import type { LocalizedTextRow } from './schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Ids come from URLs; a malformed one would make Postgres raise an error instead of finding
 * nothing, so lookups treat it as unknown before asking the database.
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Only the UI languages that have text, so `{ fi: '' }` is stored and read as `{}`. */
export function compactText(text: Partial<Record<string, string | undefined>>): LocalizedTextRow {
  const result: LocalizedTextRow = {};
  for (const language of LANGUAGES) {
    const value = text[language];
    if (typeof value === 'string' && value.length > 0) result[language] = value;
  }
  return result;
}

/** The entries of a patch that were given, so an update writes only those columns. */
export function given<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** Uuids in first-seen order without repeats, in the lowercase form Postgres gives back. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** The one row an insert or update `returning()` gave back. */
export function single<T>(rows: T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('Expected the statement to return a row');
  return row;
}

/** Groups values by key, keeping the order of `rows` within each group. */
export function groupBy<T, V>(
  rows: readonly T[],
  key: (row: T) => string,
  value: (row: T) => V,
): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(value(row));
    else groups.set(key(row), [value(row)]);
  }
  return groups;
}
