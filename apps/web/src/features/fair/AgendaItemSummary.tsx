import { pickText, type AgendaItem, type Room } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { formatDateTimeRange } from '../../lib/datetime';
import { roomNameOf } from './agenda';
import { knownNames } from './people';

interface AgendaItemSummaryProps {
  item: AgendaItem;
  timeZone: string;
  rooms: readonly Room[];
  /** Display names by registration id, for the speakers. */
  namesById: ReadonlyMap<string, string>;
}

/** When, what, where and who of one agenda item; the title is its heading. */
export function AgendaItemSummary({ item, timeZone, rooms, namesById }: AgendaItemSummaryProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const speakers = knownNames(item.speakerIds, namesById);
  const place = roomNameOf(item.place, rooms, language) ?? t('agenda.stage');
  return (
    <>
      <h3>{pickText(item.title, language)}</h3>
      <p className="agenda-meta">
        <span>{formatDateTimeRange(item.startsAt, item.endsAt, timeZone, language)}</span>
        <span className="badge">{t(`agendaKinds.${item.kind}`)}</span>
      </p>
      <p>{t('agenda.place', { place })}</p>
      {speakers.length > 0 && <p>{t('agenda.speakers', { names: speakers.join(', ') })}</p>}
    </>
  );
}
