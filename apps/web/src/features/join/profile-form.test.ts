import type { Profile } from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import { emptyProfileForm, parseLanguageCodes, profileFormOf, profileOf } from './profile-form';

describe('profile form', () => {
  it('reads other languages separated by commas or spaces', () => {
    expect(parseLanguageCodes(' Ku, ti ;so  ')).toEqual(['ku', 'ti', 'so']);
    expect(parseLanguageCodes('')).toEqual([]);
  });

  it('joins ticked and typed languages without duplicates', () => {
    const values = {
      ...emptyProfileForm('Aino'),
      organisation: 'Setlementti',
      commonLanguages: ['fi', 'sv'],
      otherLanguages: 'sv, ku',
    };
    expect(profileOf(values)).toMatchObject({
      displayName: 'Aino',
      languages: ['fi', 'sv', 'ku'],
    });
  });

  it('shows a stored profile with common languages ticked and others typed, and back', () => {
    const profile: Profile = {
      displayName: 'Leila',
      organisation: 'Silta',
      organisationType: 'ngo',
      title: 'Toiminnanjohtaja',
      languages: ['fi', 'ti', 'ar', 'de'],
      themes: ['r2'],
    };
    const values = profileFormOf(profile);
    expect(values.commonLanguages).toEqual(['fi', 'ar']);
    expect(values.otherLanguages).toBe('ti, de');
    expect(profileOf(values)).toEqual({ ...profile, languages: ['fi', 'ar', 'ti', 'de'] });
  });
});
