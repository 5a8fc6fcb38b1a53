import type { MetPerson } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { ResourceView } from '../../ui/ResourceView';
import { AskCardButton } from './AskCardButton';
import { retry, useContactsStore } from './contacts-store';
import { exchangeStateOf, type ExchangeKnowledge } from './exchanges';
import { metMinutes, metPlace, metSummary } from './met-summary';
import { useExchangeKnowledge } from './use-contacts';

/**
 * "N new people from M organisations" and who they are, where we first sat together and a way
 * to ask for their card. The live connection keeps it current as people stand up from tables.
 */
export function PeopleIMet() {
  const { t } = useTranslation();
  const headingId = useId();
  const met = useContactsStore((state) => state.met);
  const knowledge = useExchangeKnowledge();

  return (
    <section aria-labelledby={headingId} className="people-met">
      <h2 id={headingId}>{t('met.title')}</h2>
      <ResourceView resource={met} onRetry={() => retry('met')}>
        {(data) => (
          <>
            <p className="count">{metSummary(data, t)}</p>
            {data.people.length === 0 ? (
              <p className="muted">{t('met.howItWorks')}</p>
            ) : (
              <ul className="card-list live-grid" aria-labelledby={headingId}>
                {data.people.map((person) => (
                  <MetPersonCard key={person.person.id} met={person} knowledge={knowledge} />
                ))}
              </ul>
            )}
          </>
        )}
      </ResourceView>
    </section>
  );
}

function MetPersonCard({ met, knowledge }: { met: MetPerson; knowledge: ExchangeKnowledge }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const place = metPlace(met, language, t);
  const minutes = metMinutes(met);
  return (
    <li className="card live-card">
      <h3>{met.person.name}</h3>
      {met.person.organisation && <p>{met.person.organisation}</p>}
      {place && <p className="muted">{place}</p>}
      <p className="badges">
        {minutes > 0 && <span className="count">{t('met.minutes', { count: minutes })}</span>}
        {!met.isNew && <span className="badge">{t('met.metBefore')}</span>}
      </p>
      <AskCardButton
        person={met.person}
        state={exchangeStateOf(met.person.id, knowledge, met.exchange)}
      />
    </li>
  );
}
