import { describe, expect, it } from 'vitest';
import { emptyProfileForm, parseLanguageCodes, profileOf } from './profile-form';

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
});
