import type { Language } from '@kohtaamo/protocol';

/** One text per language as typed in a form; blank means "not given in this language". */
export type LocalizedValues = Record<Language, string>;

export const EMPTY_LOCALIZED: LocalizedValues = { fi: '', en: '', sv: '' };

export function localizedValuesOf(text: Partial<Record<Language, string>>): LocalizedValues {
  return { fi: text.fi ?? '', en: text.en ?? '', sv: text.sv ?? '' };
}

/** Only the languages actually given, trimmed, as the protocol's localized text. */
export function localizedTextOf(values: LocalizedValues): Partial<Record<Language, string>> {
  const text: Partial<Record<Language, string>> = {};
  for (const [language, value] of Object.entries(values) as [Language, string][]) {
    if (value.trim()) text[language] = value.trim();
  }
  return text;
}
