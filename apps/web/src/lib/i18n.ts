import { LANGUAGES, type Language } from '@kohtaamo/protocol';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import fi from '../locales/fi.json';
import sv from '../locales/sv.json';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, detectLanguage, isLanguage } from './language';

export const resources = {
  fi: { translation: fi },
  en: { translation: en },
  sv: { translation: sv },
} as const;

function readStoredLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be blocked (privacy settings); the browser's language is then used.
    return null;
  }
}

function showLanguage(language: string): void {
  document.documentElement.lang = language;
}

/** Starts i18next in the remembered, else the browser's, else the default language. */
export async function initI18n(): Promise<void> {
  const language = detectLanguage(readStoredLanguage(), navigator.languages);
  i18next.on('languageChanged', showLanguage);
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes
    returnEmptyString: false,
  });
  showLanguage(language);
}

/** Switches the UI language now and remembers the choice for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but still switched for this visit.
  }
  await i18next.changeLanguage(language);
}

/** The current UI language as one of ours. */
export function currentLanguage(language: string | undefined): Language {
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}
