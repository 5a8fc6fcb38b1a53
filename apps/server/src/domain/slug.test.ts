import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('keeps Finnish and Swedish titles readable without their diacritics', () => {
    expect(slugify('Yhteistyömessut 2021')).toBe('yhteistyomessut-2021');
    expect(slugify('Samarbetsmässa på Åland')).toBe('samarbetsmassa-pa-aland');
  });

  it('gives a usable slug for titles without any latin letters or digits', () => {
    expect(slugify('!!!')).toBe('fair');
  });
});
