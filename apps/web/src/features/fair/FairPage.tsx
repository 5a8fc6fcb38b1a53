import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useLanguage } from '../../hooks/use-language';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { formatDateTimeRange } from '../../lib/datetime';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { ResourceView } from '../../ui/ResourceView';
import { AgendaSection } from './AgendaSection';
import { ThemesSection } from './ThemesSection';

/** A registered person's view of a fair before it starts: what, when, agenda and themes. */
export function FairPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { fairId = '' } = useParams();
  const load = useCallback(() => api.getFair(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  const title = resource.status === 'ready' ? resource.data.fair.title : t('fair.loadingTitle');

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ResourceView resource={resource} onRetry={reload}>
        {({ fair, rooms, agenda, me, staff }) => (
          <>
            <p className="lead">
              {formatDateTimeRange(fair.startsAt, fair.endsAt, fair.timeZone, language)}{' '}
              <span className="muted">({fair.timeZone})</span>
            </p>
            <p>{t('fair.myRole', { role: t(`roles.${me.role}`) })}</p>
            {fair.description && <p className="prose">{fair.description}</p>}
            {me.role === 'organiser' && (
              <p>
                <Link to={paths.manage(fair.id)}>{t('fair.manageLink')}</Link>
              </p>
            )}
            <AgendaSection
              fair={fair}
              rooms={rooms}
              agenda={agenda}
              namesById={
                new Map(staff.map((person) => [person.registrationId, person.displayName]))
              }
            />
            <ThemesSection rooms={rooms} />
          </>
        )}
      </ResourceView>
    </>
  );
}
