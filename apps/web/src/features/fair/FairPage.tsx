import type { FairDetailResponse } from '@kohtaamo/protocol';
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
import { MyProfileSection } from './MyProfileSection';
import { staffNames } from './people';
import { ThemesSection } from './ThemesSection';

/**
 * A registered person's view of a fair before it starts: what, when, agenda, their own profile
 * and the themes.
 */
export function FairPage() {
  const { t } = useTranslation();
  const { fairId = '' } = useParams();
  const load = useCallback(() => api.getFair(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  const title = resource.status === 'ready' ? resource.data.fair.title : t('fair.loadingTitle');

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ResourceView resource={resource} onRetry={reload}>
        {(detail) => <FairOverview detail={detail} onProfileSaved={reload} />}
      </ResourceView>
    </>
  );
}

function FairOverview({
  detail,
  onProfileSaved,
}: {
  detail: FairDetailResponse;
  onProfileSaved: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { fair, rooms, agenda, me, staff } = detail;
  const namesById = staffNames(staff);
  return (
    <>
      <p className="lead">
        {formatDateTimeRange(fair.startsAt, fair.endsAt, fair.timeZone, language)}{' '}
        <span className="muted">({fair.timeZone})</span>
      </p>
      <p>{t('fair.myRole', { role: t(`roles.${me.role}`) })}</p>
      <div className="enter-live">
        <Link className="button-link primary" to={paths.live(fair.id)}>
          {t('fair.enterLive')}
        </Link>
        <p className="hint">{t('fair.enterLiveHint')}</p>
      </div>
      <p>
        <Link to={paths.contacts(fair.id)}>{t('fair.contactsLink')}</Link>
      </p>
      {fair.description && <p className="prose">{fair.description}</p>}
      {me.role === 'organiser' && (
        <p>
          <Link to={paths.manage(fair.id)}>{t('fair.manageLink')}</Link>
        </p>
      )}
      <AgendaSection fair={fair} rooms={rooms} agenda={agenda} namesById={namesById} />
      <MyProfileSection fairId={fair.id} rooms={rooms} onSaved={onProfileSaved} />
      <ThemesSection rooms={rooms} namesById={namesById} />
    </>
  );
}
