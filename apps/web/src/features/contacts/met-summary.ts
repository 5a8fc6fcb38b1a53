import { pickText, type Language, type MetPerson } from '@kohtaamo/protocol';
import type { TFunction } from 'i18next';

/** "5 new people from 3 organisations", or a sentence saying there is nobody new yet. */
export function metSummary(
  counts: { newPeople: number; newOrganisations: number },
  t: TFunction,
): string {
  if (counts.newPeople === 0) return t('met.nobodyYet');
  return t('met.summary', {
    people: t('met.newPeople', { count: counts.newPeople }),
    organisations: t('met.organisations', { count: counts.newOrganisations }),
  });
}

/** Where two people first sat together: "Table 3, Housing"; empty if they only exchanged cards. */
export function metPlace(person: MetPerson, language: Language, t: TFunction): string {
  const theme = pickText(person.themeNames, language);
  if (!person.tableName) return theme;
  return theme
    ? t('met.place', { table: person.tableName, theme })
    : t('met.table', { table: person.tableName });
}

const SECONDS_PER_MINUTE = 60;

/** Whole minutes seated together, at least one for anyone who counts as met at a table. */
export function metMinutes(person: MetPerson): number {
  if (person.metSeconds === 0) return 0;
  return Math.max(1, Math.round(person.metSeconds / SECONDS_PER_MINUTE));
}
