import { CARD_FIELDS, type CardFields, type CardField } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { languageName } from '../../lib/language';

/** My card as saved: each field's value and whether contacts see it. */
export function CardSummary({ card, shared }: { card: CardFields; shared: readonly CardField[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const valueOf = (field: CardField): string =>
    field === 'languages'
      ? card.languages.map((code) => languageName(code, language)).join(', ')
      : card[field];

  return (
    <dl className="profile-summary">
      {CARD_FIELDS.map((field) => {
        const value = valueOf(field);
        return (
          <div key={field}>
            <dt>{t(`card.fields.${field}`)}</dt>
            <dd>
              {value || <span className="muted">{t('myProfile.notGiven')}</span>}{' '}
              <span className="badge">
                {shared.includes(field) ? t('card.shared') : t('card.private')}
              </span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
