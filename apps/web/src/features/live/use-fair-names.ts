import type { Room } from '@kohtaamo/protocol';
import { useMemo } from 'react';
import { useLanguage } from '../../hooks/use-language';
import { fairNames, type FairNames } from './fair-names';

/** Room and table names by id, in the UI language. */
export function useFairNames(rooms: readonly Room[]): FairNames {
  const language = useLanguage();
  return useMemo(() => fairNames(rooms, language), [rooms, language]);
}
