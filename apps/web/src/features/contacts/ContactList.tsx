import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { contactExportUrls } from '../../lib/api-contacts';
import { ResourceView } from '../../ui/ResourceView';
import { ContactNote } from './ContactNote';
import { retry, useContactsStore } from './contacts-store';
import { RevealedCard } from './RevealedCard';

/** My contacts in this fair: their cards as shared with me, my notes, and the exports. */
export function ContactList({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const contacts = useContactsStore((state) => state.contacts);

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('contacts.title')}</h2>
      <ResourceView resource={contacts} onRetry={() => retry('contacts')}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('contacts.empty')}</p>
          ) : (
            <>
              <ExportLinks fairId={fairId} count={list.length} />
              <ul className="card-list" aria-labelledby={headingId}>
                {list.map(({ person, card, note }) => (
                  <li key={person.id} className="card contact">
                    <h3>{card.name ?? person.name}</h3>
                    {/* Their organisation as the fair knows it, unless their card says it. */}
                    {person.organisation && !card.organisation && (
                      <p className="muted">{person.organisation}</p>
                    )}
                    <RevealedCard card={card} />
                    <ContactNote personId={person.id} name={person.name} note={note} />
                    <p>
                      <a
                        href={contactExportUrls.oneVcf(fairId, person.id)}
                        download
                        aria-label={t('contacts.downloadOneNamed', { name: person.name })}
                      >
                        {t('contacts.downloadOne')}
                      </a>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )
        }
      </ResourceView>
    </section>
  );
}

function ExportLinks({ fairId, count }: { fairId: string; count: number }) {
  const { t } = useTranslation();
  return (
    <div className="export-links">
      <p className="hint">{t('contacts.exportHint', { count })}</p>
      <p className="actions">
        <a className="button-link" href={contactExportUrls.allVcf(fairId)} download>
          {t('contacts.downloadVcf')}
        </a>
        <a className="button-link" href={contactExportUrls.csv(fairId)} download>
          {t('contacts.downloadCsv')}
        </a>
      </p>
    </div>
  );
}
