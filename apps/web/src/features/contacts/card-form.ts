import {
  CARD_FIELDS,
  type CardField,
  type MyCard,
  type PutMyCardBody,
  type RevealedCard,
} from '@kohtaamo/protocol';
import type { IssueKeysByField } from '../../lib/errors';
import { parseLanguageCodes } from '../join/profile-form';

/** The card's text fields, in the order the editor and the revealed card show them. */
export const CARD_TEXT_FIELDS = [
  'name',
  'organisation',
  'title',
  'email',
  'phone',
  'website',
] as const satisfies readonly CardField[];
export type CardTextField = (typeof CARD_TEXT_FIELDS)[number];

export interface CardFormValues {
  text: Record<CardTextField, string>;
  /** Spoken language codes, separated by commas or spaces. */
  languages: string;
  cooperation: string;
  shared: CardField[];
}

/** Field explanations for the card form; the rest follow the app's defaults. */
export const CARD_ISSUES: IssueKeysByField = {
  name: 'issues.required',
  title: 'issues.invalid',
  email: 'issues.email',
  phone: 'issues.phone',
  website: 'issues.website',
  languages: 'issues.languageCode',
  cooperation: 'issues.invalid',
};

export function cardFormOf({ card, shared }: MyCard): CardFormValues {
  return {
    text: {
      name: card.name,
      organisation: card.organisation,
      title: card.title,
      email: card.email,
      phone: card.phone,
      website: card.website,
    },
    languages: card.languages.join(', '),
    cooperation: card.cooperation,
    shared: [...shared],
  };
}

export function cardBodyOf(values: CardFormValues): PutMyCardBody {
  return {
    card: {
      ...values.text,
      languages: [...new Set(parseLanguageCodes(values.languages))],
      cooperation: values.cooperation,
    },
    shared: CARD_FIELDS.filter((field) => values.shared.includes(field)),
  };
}

/** Shares a field or stops sharing it; the result keeps the card's field order. */
export function withShared(shared: readonly CardField[], field: CardField, on: boolean) {
  return CARD_FIELDS.filter((candidate) => (candidate === field ? on : shared.includes(candidate)));
}

export type RevealedEntry =
  | { field: Exclude<CardField, 'languages'>; value: string }
  | { field: 'languages'; value: string[] };

/**
 * What a contact's card shows beyond their name: each field they share and filled in, in the
 * card's order. The name heads the card, so it is left out here.
 */
export function revealedEntries(card: RevealedCard): RevealedEntry[] {
  const entries: RevealedEntry[] = [];
  for (const field of CARD_FIELDS) {
    if (field === 'name') continue;
    if (field === 'languages') {
      if (card.languages && card.languages.length > 0) {
        entries.push({ field, value: card.languages });
      }
      continue;
    }
    const value = card[field]?.trim();
    if (value) entries.push({ field, value });
  }
  return entries;
}
