import type { OrganisationType, ProfileInput } from '@kohtaamo/protocol';

/** Spoken languages offered as checkboxes; any other is typed as a code. */
export const COMMON_SPOKEN_LANGUAGES = [
  'fi',
  'sv',
  'en',
  'ru',
  'et',
  'ar',
  'so',
  'fa',
  'ku',
  'uk',
  'fr',
  'es',
] as const;

export interface ProfileFormValues {
  displayName: string;
  organisation: string;
  organisationType: OrganisationType;
  title: string;
  commonLanguages: string[];
  /** Other language codes, separated by commas or spaces. */
  otherLanguages: string;
  themes: string[];
}

export function emptyProfileForm(displayName: string): ProfileFormValues {
  return {
    displayName,
    organisation: '',
    organisationType: 'ngo',
    title: '',
    commonLanguages: [],
    otherLanguages: '',
    themes: [],
  };
}

/** "Ku, ti ,  fi" → ["ku", "ti", "fi"]: lower-cased, without blanks. */
export function parseLanguageCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter((code) => code.length > 0);
}

export function profileOf(values: ProfileFormValues): ProfileInput {
  const languages = [...values.commonLanguages, ...parseLanguageCodes(values.otherLanguages)];
  return {
    displayName: values.displayName,
    organisation: values.organisation,
    organisationType: values.organisationType,
    title: values.title,
    languages: [...new Set(languages)],
    themes: values.themes,
  };
}
