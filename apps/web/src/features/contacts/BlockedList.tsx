import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../ui/FormAlert';
import { FormStatus } from '../../ui/FormStatus';
import { ResourceView } from '../../ui/ResourceView';
import { retry, unblockPerson, useContactsStore } from './contacts-store';
import { useListAction } from './use-list-action';

/** People I blocked from asking for my card, each of whom I can let ask again. */
export function BlockedList() {
  const { t } = useTranslation();
  const headingId = useId();
  const blocked = useContactsStore((state) => state.blocked);
  const { pendingId, status, error, run } = useListAction();

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('blocked.title')}</h2>
      <ResourceView resource={blocked} onRetry={() => retry('blocked')}>
        {(people) =>
          people.length === 0 ? (
            <p className="muted">{t('blocked.empty')}</p>
          ) : (
            <ul className="plain-list" aria-labelledby={headingId}>
              {people.map((person) => (
                <li key={person.id} className="actions">
                  <span>
                    <span className="person-name">{person.name}</span>
                    {person.organisation && <span className="muted">, {person.organisation}</span>}
                  </span>
                  <button
                    type="button"
                    disabled={pendingId === person.id}
                    aria-label={t('blocked.unblockNamed', { name: person.name })}
                    onClick={() =>
                      void run(
                        person.id,
                        () => unblockPerson(person.id),
                        t('blocked.unblocked', { name: person.name }),
                      )
                    }
                  >
                    {t('blocked.unblock')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
      <FormAlert message={error} />
      <FormStatus message={status} />
    </section>
  );
}
