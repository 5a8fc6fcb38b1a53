import type { Language } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';

/** "Name (Finnish)", "Name (English)", "Name (Swedish)" in the UI language. */
export function useRoomNameLabels(): Record<Language, string> {
  const { t } = useTranslation();
  return { fi: t('rooms.nameFi'), en: t('rooms.nameEn'), sv: t('rooms.nameSv') };
}
