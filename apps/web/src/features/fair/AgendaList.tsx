import type { AgendaItem } from '@kohtaamo/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sortByStart } from './agenda';

interface AgendaListProps {
  agenda: readonly AgendaItem[];
  timeZone: string;
  /** What each item shows: a summary for participants, summary and controls for organisers. */
  renderItem: (item: AgendaItem) => ReactNode;
}

/** The agenda in order of start, in the fair's time zone, or a note that it is empty. */
export function AgendaList({ agenda, timeZone, renderItem }: AgendaListProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted">{t('agenda.timeZoneNote', { timeZone })}</p>
      {agenda.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <ol className="card-list" aria-label={t('agenda.listLabel')}>
          {sortByStart(agenda).map((item) => (
            <li key={item.id} className="card">
              {renderItem(item)}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
