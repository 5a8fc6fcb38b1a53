import type { RevealedCard as Card } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { languageName } from '../../lib/language';
import { revealedEntries, type RevealedEntry } from './card-form';

/** A contact's card as they share it with me; addresses are links. */
export function RevealedCard({ card }: { card: Card }) {
  const { t } = useTranslation();
  const entries = revealedEntries(card);
  if (entries.length === 0) return <p className="muted">{t('contacts.nothingShared')}</p>;
  return (
    <dl className="profile-summary">
      {entries.map((entry) => (
        <div key={entry.field}>
          <dt>{t(`card.fields.${entry.field}`)}</dt>
          <dd>
            <EntryValue entry={entry} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

function EntryValue({ entry }: { entry: RevealedEntry }) {
  const language = useLanguage();
  switch (entry.field) {
    case 'languages':
      return entry.value.map((code) => languageName(code, language)).join(', ');
    case 'email':
      return <a href={`mailto:${entry.value}`}>{entry.value}</a>;
    case 'phone':
      return <a href={`tel:${entry.value.replace(/[^+0-9]/g, '')}`}>{entry.value}</a>;
    case 'website':
      return (
        <a href={entry.value} rel="noopener noreferrer" target="_blank">
          {entry.value}
        </a>
      );
    case 'cooperation':
      return <span className="prose">{entry.value}</span>;
    default:
      return entry.value;
  }
}
