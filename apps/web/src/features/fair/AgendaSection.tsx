import type { AgendaItem, Fair, Room } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../lib/api';
import { sortByStart } from './agenda';
import { AgendaItemSummary } from './AgendaItemSummary';

interface AgendaSectionProps {
  fair: Fair;
  rooms: readonly Room[];
  agenda: readonly AgendaItem[];
  namesById: ReadonlyMap<string, string>;
}

export function AgendaSection({ fair, rooms, agenda, namesById }: AgendaSectionProps) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('agenda.title')}</h2>
      <p className="muted">{t('agenda.timeZoneNote', { timeZone: fair.timeZone })}</p>
      {agenda.length === 0 ? (
        <p className="muted">{t('agenda.empty')}</p>
      ) : (
        <>
          <ol className="card-list" aria-label={t('agenda.listLabel')}>
            {sortByStart(agenda).map((item) => (
              <li key={item.id} className="card">
                <AgendaItemSummary
                  item={item}
                  timeZone={fair.timeZone}
                  rooms={rooms}
                  namesById={namesById}
                />
              </li>
            ))}
          </ol>
          <p>
            <a href={api.agendaIcsUrl(fair.id)} download>
              {t('agenda.addToCalendar')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
