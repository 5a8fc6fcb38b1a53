import type { Language } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../lib/i18n';

/** The UI language, which also picks the language of fair content (room names, titles). */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return currentLanguage(i18n.resolvedLanguage);
}
