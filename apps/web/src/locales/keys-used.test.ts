import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AGENDA_KINDS,
  ErrorCode,
  FAIR_STATUSES,
  LANGUAGES,
  ORGANISATION_TYPES,
  ROLES,
  ROUND_MODES,
  CARD_FIELDS,
} from '@kohtaamo/protocol';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import { flattenTexts } from './flatten';

/**
 * The typed resources make tsc refuse a literal key that en.json lacks. These checks cover what
 * the types cannot see: a key built at run time from a value, and a call whose key was cast.
 */
const keys = new Set(flattenTexts(en).keys());
/** A key with plural forms exists as `key_one`, `key_other`… */
const hasKey = (key: string) => keys.has(key) || [...keys].some((k) => k.startsWith(`${key}_`));
const hasKeyStartingWith = (prefix: string) => [...keys].some((k) => k.startsWith(prefix));

const srcDir = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

interface KeyUse {
  file: string;
  key: string;
}

/** Every `t('…')` and `i18nKey="…"` with a written-out key, and every `t(`prefix.${…}`)`. */
function keyUses(): { literal: KeyUse[]; prefixes: KeyUse[] } {
  const literal: KeyUse[] = [];
  const prefixes: KeyUse[] = [];
  for (const full of sourceFiles(srcDir)) {
    const file = path.relative(srcDir, full);
    const source = readFileSync(full, 'utf8');
    for (const match of source.matchAll(/\bt\(\s*['"]([^'"]+)['"]|i18nKey=["']([^"']+)["']/g)) {
      literal.push({ file, key: match[1] ?? match[2] ?? '' });
    }
    for (const match of source.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) {
      prefixes.push({ file, key: match[1] ?? '' });
    }
  }
  return { literal, prefixes };
}

describe('translation keys used by the code', () => {
  const { literal, prefixes } = keyUses();

  it('finds the calls it checks (the scan itself works)', () => {
    expect(literal.length).toBeGreaterThan(100);
    expect(prefixes.length).toBeGreaterThan(10);
  });

  it('finds every written-out key in en.json', () => {
    expect(literal.filter(({ key }) => !hasKey(key))).toEqual([]);
  });

  it('finds in en.json some key for every key built from a value', () => {
    expect(prefixes.filter(({ key }) => !hasKeyStartingWith(key))).toEqual([]);
  });

  it.each([
    ['errors', Object.values(ErrorCode)],
    ['roles', ROLES],
    ['agendaKinds', AGENDA_KINDS],
    ['rounds.modes', ROUND_MODES],
    ['card.fields', CARD_FIELDS],
    ['fairStatuses', FAIR_STATUSES],
    ['organisationTypes', ORGANISATION_TYPES],
    ['languages', LANGUAGES],
  ] as const)('has a text for every value of the protocol shown as %s', (section, values) => {
    expect(values.filter((value) => !hasKey(`${section}.${value}`))).toEqual([]);
  });
});
