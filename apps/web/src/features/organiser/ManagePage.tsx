import type { FairDetailResponse } from '@kohtaamo/protocol';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFairDetail } from '../../hooks/use-fair-detail';
import { useResource } from '../../hooks/use-resource';
import * as api from '../../lib/api';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { ResourceView } from '../../ui/ResourceView';
import { AgendaManager } from './AgendaManager';
import { CopyFairSection } from './CopyFairSection';
import { FairDetailsForm } from './FairDetailsForm';
import { FairStatusSection } from './FairStatusSection';
import { InviteSection } from './InviteSection';
import { RegistrationsSection } from './RegistrationsSection';
import { RoomsSection } from './RoomsSection';
import { SectionNav } from './SectionNav';

/**
 * The organiser's desk. The fair detail is the one source for every section: each change is
 * sent, then the detail is loaded again, so the page always shows what the server stored.
 */
export function ManagePage() {
  const { t } = useTranslation();
  const { resource, reload } = useFairDetail();
  const title =
    resource.status === 'ready'
      ? t('manage.title', { title: resource.data.fair.title })
      : t('manage.loadingTitle');

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <ResourceView resource={resource} onRetry={reload}>
        {(detail) =>
          detail.me.role === 'organiser' ? (
            <ManageSections detail={detail} onChanged={reload} />
          ) : (
            <div className="notice">
              <p>{t('manage.organisersOnly')}</p>
              <p>
                <Link to={paths.fair(detail.fair.id)}>{t('manage.backToFair')}</Link>
              </p>
            </div>
          )
        }
      </ResourceView>
    </>
  );
}

function ManageSections({
  detail,
  onChanged,
}: {
  detail: FairDetailResponse;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { fair } = detail;
  const loadRegistrations = useCallback(() => api.listRegistrations(fair.id), [fair.id]);
  const registrations = useResource(loadRegistrations);
  const reloadAll = () => {
    onChanged();
    registrations.reload();
  };
  return (
    <>
      <p>
        <Link to={paths.fair(fair.id)}>{t('manage.participantView')}</Link>
      </p>
      <p>
        <Link to={paths.liveDashboard(fair.id)}>{t('dashboard.link')}</Link>
      </p>
      <p>
        <Link to={paths.report(fair.id)}>{t('manage.reportLink')}</Link>
      </p>
      <SectionNav />
      <FairStatusSection fair={fair} onChanged={onChanged} />
      <FairDetailsForm fair={fair} onSaved={onChanged} />
      <InviteSection fairId={fair.id} fairTitle={fair.title} />
      <RoomsSection
        fairId={fair.id}
        rooms={detail.rooms}
        staff={detail.staff}
        onChanged={onChanged}
      />
      {/* Choosing a participant as a speaker makes them one, so the people list reloads too. */}
      <AgendaManager detail={detail} registrations={registrations.resource} onChanged={reloadAll} />
      <RegistrationsSection
        fairId={fair.id}
        rooms={detail.rooms}
        registrations={registrations.resource}
        onRetry={registrations.reload}
        onChanged={reloadAll}
      />
      <CopyFairSection fair={fair} />
    </>
  );
}
