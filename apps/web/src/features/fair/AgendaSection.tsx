import type { AgendaItem, Fair, Room } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../lib/api';
import { AgendaItemSummary } from './AgendaItemSummary';
import { AgendaList } from './AgendaList';

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
      <AgendaList
        agenda={agenda}
        timeZone={fair.timeZone}
        renderItem={(item) => (
          <AgendaItemSummary
            item={item}
            timeZone={fair.timeZone}
            rooms={rooms}
            namesById={namesById}
          />
        )}
      />
      {agenda.length > 0 && (
        <p>
          <a href={api.agendaIcsUrl(fair.id)} download>
            {t('agenda.addToCalendar')}
          </a>
        </p>
      )}
    </section>
  );
}
