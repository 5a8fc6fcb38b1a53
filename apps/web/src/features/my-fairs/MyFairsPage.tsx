import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLanguage } from '../../hooks/use-language';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { formatDateTimeRange } from '../../lib/datetime';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { ResourceView } from '../../ui/ResourceView';
import { CreateFairForm } from '../organiser/CreateFairForm';

export function MyFairsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const { resource, reload } = useResource(api.listFairs);

  return (
    <>
      <PageHeading>{t('myFairs.title')}</PageHeading>
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{t('myFairs.listTitle')}</h2>
        <ResourceView resource={resource} onRetry={reload}>
          {(fairs) =>
            fairs.length === 0 ? (
              <p className="muted">{t('myFairs.empty')}</p>
            ) : (
              <ul className="card-list" aria-labelledby={headingId}>
                {fairs.map(({ fair, role }) => (
                  <li key={fair.id} className="card">
                    <h3>
                      <Link to={paths.fair(fair.id)}>{fair.title}</Link>
                    </h3>
                    <p>
                      {formatDateTimeRange(fair.startsAt, fair.endsAt, fair.timeZone, language)}
                    </p>
                    <p>{t('myFairs.myRole', { role: t(`roles.${role}`) })}</p>
                    <p>{t('myFairs.status', { status: t(`fairStatuses.${fair.status}`) })}</p>
                    {fair.status === 'live' && (
                      // While the fair is on, straight in (the card's heading names the fair):
                      // presence takes a returning person back to their room or table.
                      <p className="card-action">
                        <Link to={paths.live(fair.id)}>{t('myFairs.enterLive')}</Link>
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )
          }
        </ResourceView>
      </section>
      <CreateFairForm />
    </>
  );
}
