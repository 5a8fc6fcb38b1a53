import type { OrganisationType, Profile, ProfileInput } from '@kohtaamo/protocol';
import type { IssueKeysByField } from '../../lib/errors';

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

/** The job title is optional, and a bad language is a bad code, not a missing choice. */
export const PROFILE_ISSUES: IssueKeysByField = {
  title: 'issues.invalid',
  languages: 'issues.languageCode',
};

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

/** A stored profile as the form shows it: common languages ticked, any others typed. */
export function profileFormOf(profile: Profile): ProfileFormValues {
  const common: readonly string[] = COMMON_SPOKEN_LANGUAGES;
  return {
    displayName: profile.displayName,
    organisation: profile.organisation,
    organisationType: profile.organisationType,
    title: profile.title,
    commonLanguages: profile.languages.filter((code) => common.includes(code)),
    otherLanguages: profile.languages.filter((code) => !common.includes(code)).join(', '),
    themes: [...profile.themes],
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
