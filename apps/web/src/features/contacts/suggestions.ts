import { pickText, type Language, type TableSuggestion } from '@kohtaamo/protocol';
import type { TFunction } from 'i18next';
import { localeOf } from '../../lib/language';

/**
 * Suggestions follow presence, which changes with every step anyone takes; asking the server
 * at most this often keeps a busy fair from flooding it while staying fresh enough to act on.
 */
export const SUGGESTIONS_INTERVAL_MS = 5_000;

/** How long to wait before asking again, given when the last question was sent. */
export function suggestionDelayMs(lastAskedAtMs: number | null, nowMs: number): number {
  if (lastAskedAtMs === null) return 0;
  return Math.max(0, lastAskedAtMs + SUGGESTIONS_INTERVAL_MS - nowMs);
}

/** The suggestions worth showing: not the table I already sit at. */
export function visibleSuggestions(
  suggestions: readonly TableSuggestion[],
  myTableId: string | null,
): TableSuggestion[] {
  return suggestions.filter((suggestion) => suggestion.tableId !== myTableId);
}

/** Why a table is suggested, as sentences in the reader's language. */
export function suggestionReasons(
  suggestion: TableSuggestion,
  language: Language,
  t: TFunction,
): string[] {
  const reasons = [t('suggestions.freeSeats', { count: suggestion.freeSeats })];
  if (suggestion.newOrganisations.length > 0) {
    const organisations = new Intl.ListFormat(localeOf(language), { type: 'conjunction' }).format(
      suggestion.newOrganisations,
    );
    reasons.push(
      t('suggestions.newOrganisations', {
        count: suggestion.newOrganisations.length,
        organisations,
      }),
    );
  }
  if (suggestion.sharesMyTheme) {
    reasons.push(t('suggestions.sharesTheme', { theme: pickText(suggestion.roomNames, language) }));
  }
  return reasons;
}
