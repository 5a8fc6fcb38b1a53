import { LANGUAGES, type Language } from '@kohtaamo/protocol';

export const LANGUAGE_STORAGE_KEY = 'kohtaamo.language';
export const DEFAULT_LANGUAGE: Language = 'fi';

/**
 * Each UI language named in itself, as language pickers conventionally do, so a person finds
 * their own language whatever the page is currently in.
 */
export const LANGUAGE_AUTONYMS: Record<Language, string> = {
  fi: 'Suomi',
  sv: 'Svenska',
  en: 'English',
};

/** Finnish conventions for Swedish too: the Swedish spoken in Finland. */
const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered choice first, then the browser's first UI language we have, then Finnish. */
export function detectLanguage(stored: string | null, browserTags: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserTags) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}

/** The locale used with Intl for dates, times and language names. */
export function localeOf(language: Language): string {
  return LOCALES[language];
}

/** Names a spoken language ("so") in the reader's language ("somali"), or gives the code back. */
export function languageName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames(localeOf(language), { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
