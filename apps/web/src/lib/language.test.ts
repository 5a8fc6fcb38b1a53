import { describe, expect, it } from 'vitest';
import { detectLanguage, languageName, localeOf } from './language';

describe('detectLanguage', () => {
  it('prefers the remembered choice', () => {
    expect(detectLanguage('sv', ['en-GB'])).toBe('sv');
  });

  it('falls back to the first browser language we have, then Finnish', () => {
    expect(detectLanguage(null, ['de-DE', 'sv-FI', 'en'])).toBe('sv');
    expect(detectLanguage('xx', ['EN-us'])).toBe('en');
    expect(detectLanguage(null, ['de', 'ar'])).toBe('fi');
    expect(detectLanguage(null, [])).toBe('fi');
  });
});

describe('localeOf and languageName', () => {
  it('uses Finnish conventions for Swedish and British English', () => {
    expect(localeOf('sv')).toBe('sv-FI');
    expect(localeOf('en')).toBe('en-GB');
  });

  it('names a spoken language in the reader’s language', () => {
    expect(languageName('so', 'fi')).toBe('somali');
    expect(languageName('so', 'en')).toBe('Somali');
  });
});
