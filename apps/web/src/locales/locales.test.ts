import { describe, expect, it } from 'vitest';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';

/** Fails the build when a language lacks a key, has an empty text, or drops a placeholder. */
const locales = { fi, en, sv } as const;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [nested, text] of flatten(value, path)) entries.set(nested, text);
  }
  return entries;
}

const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();

const flat = Object.entries(locales).map(([language, tree]) => ({
  language,
  texts: flatten(tree),
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
});
