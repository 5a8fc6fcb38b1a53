import type { Registration, Room } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import type { Resource } from '../../hooks/use-resource';
import { ResourceView } from '../../ui/ResourceView';
import { MANAGE_SECTIONS } from './manage-sections';
import { RegistrationRow } from './RegistrationRow';

interface RegistrationsSectionProps {
  fairId: string;
  rooms: readonly Room[];
  registrations: Resource<Registration[]>;
  onRetry: () => void;
  onChanged: () => void;
}

/** Everyone registered, with the role each has and the rooms facilitators look after. */
export function RegistrationsSection(props: RegistrationsSectionProps) {
  const { fairId, rooms, registrations, onRetry, onChanged } = props;
  const { t } = useTranslation();
  const headingId = MANAGE_SECTIONS.registrations.id;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('registrations.title')}</h2>
      <ResourceView resource={registrations} onRetry={onRetry}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t('registrations.empty')}</p>
          ) : (
            <>
              <p className="muted">{t('registrations.count', { count: list.length })}</p>
              <ul className="card-list" aria-labelledby={headingId}>
                {[...list]
                  .sort((a, b) => a.profile.displayName.localeCompare(b.profile.displayName))
                  .map((registration) => (
                    <li key={registration.id} className="card">
                      <RegistrationRow
                        fairId={fairId}
                        registration={registration}
                        rooms={rooms}
                        onChanged={onChanged}
                      />
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
