import { describe, expect, it } from 'vitest';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';
import { flattenTexts } from './flatten';

/**
 * Fails the build when a language lacks a key, has an empty text, drops a placeholder, or
 * shows English where a translation belongs.
 */
const locales = { fi, en, sv } as const;

/**
 * Texts that are rightly the same as in English: the same word in that language. Anything
 * else identical to English is a text someone forgot to translate.
 */
const SAME_AS_ENGLISH: Record<'fi' | 'sv', readonly string[]> = {
  fi: [],
  sv: [
    'roles.facilitator', // Facilitator
    'fairForm.start', // Start
    'agendaForm.start', // Start
    'profile.organisation', // Organisation
    'card.fields.organisation', // Organisation
    'themes.facilitators_one', // Facilitator: {{names}}
    'manage.status', // Status
    'myFairs.status', // Status: {{status}}
    'met.organisations_one', // {{count}} organisation
    'report.median', // Median
    'dashboard.occupancy.people_one', // {{count}} person
  ],
};

/** What is left of a text once placeholders and the product's name are taken out. */
const words = (text: string) =>
  text
    .replace(/\{\{\s*\w+\s*\}\}/g, '')
    .replace(/Kohtaamo/g, '')
    .replace(/[^\p{L}]/gu, '');

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();

const flat = Object.entries(locales).map(([language, tree]) => ({
  language,
  texts: flattenTexts(tree),
}));
const allKeys = [...new Set(flat.flatMap(({ texts }) => [...texts.keys()]))].sort();

describe('locales', () => {
  it.each(flat)('$language has every key that any language has', ({ texts }) => {
    expect(allKeys.filter((key) => !texts.has(key))).toEqual([]);
  });

  it.each(flat)('$language has no empty text', ({ texts }) => {
    const empty = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same placeholders in every language', () => {
    const mismatches = allKeys.filter((key) => {
      const [first, ...others] = flat.map(({ texts }) => placeholders(texts.get(key) ?? ''));
      return others.some((other) => other.join() !== first?.join());
    });
    expect(mismatches).toEqual([]);
  });

  it.each(['fi', 'sv'] as const)('%s translates every text that has words', (language) => {
    const english = flattenTexts(en);
    const translated = flattenTexts(locales[language]);
    const untranslated = [...english]
      .filter(([key, text]) => translated.get(key) === text && words(text) !== '')
      .map(([key]) => key)
      .filter((key) => !SAME_AS_ENGLISH[language].includes(key));
    expect(untranslated).toEqual([]);
  });

  // WCAG 2.5.3, label in name: a control labelled "Accept the request from Leila" for a
  // screen reader must still answer to "Accept", the word a speech-input user reads and says.
  it.each(flat)('$language names each control with its visible text in it', ({ texts }) => {
    const mismatches = [...texts]
      .filter(([key]) => /Named(_\w+)?$/.test(key))
      .flatMap(([key, named]) => {
        const visible = texts.get(key.replace('Named', ''));
        return visible && !named.toLowerCase().includes(visible.toLowerCase()) ? [key] : [];
      });
    expect(mismatches).toEqual([]);
  });
});
