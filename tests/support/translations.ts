import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const UI_LANGUAGES = ['en', 'fi', 'sv'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

type Messages = { [key: string]: string | Messages };

function messagesOf(language: UiLanguage): Messages {
  const file = fileURLToPath(
    new URL(`../../apps/web/src/locales/${language}.json`, import.meta.url),
  );
  return JSON.parse(readFileSync(file, 'utf8')) as Messages;
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The web app's own texts, so a suite finds its buttons by what a person reads in that language
 * and a reworded label does not break it. Plurals follow i18next's `_one` / `_other` keys, which
 * is all fi, sv and en need.
 */
export function translator(language: UiLanguage): Translate {
  const messages = messagesOf(language);
  return (key, values = {}) => {
    const count = values.count;
    const path = count === undefined ? key : `${key}_${count === 1 ? 'one' : 'other'}`;
    const text = path
      .split('.')
      .reduce<string | Messages | undefined>(
        (node, part) => (typeof node === 'object' ? node[part] : undefined),
        messages,
      );
    if (typeof text !== 'string') throw new Error(`No text ${path} in ${language}.json`);
    return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  };
}

/** Text that looks like a translation key (`live.roomsTitle`), from the app's own namespaces. */
export function rawKeyPattern(): RegExp {
  const namespaces = Object.keys(messagesOf('en')).join('|');
  return new RegExp(`\\b(?:${namespaces})\\.[a-z][A-Za-z]*(?:\\.[A-Za-z_]+)*\\b`);
}
