import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { paths } from '../../lib/navigation';
import { AgendaControls } from '../agenda-live';
import { PageHeading } from '../../ui/PageHeading';
import { MANAGE_SECTIONS } from '../organiser/manage-sections';
import { useLiveFair } from '../live/use-live-fair';
import { BroadcastForm } from './BroadcastForm';
import { mayUseDashboard } from './moderation-rights';
import { ModerationLog } from './ModerationLog';
import { OccupancyMap } from './OccupancyMap';
import { StageControls } from './StageControls';

/**
 * `/fairs/:fairId/manage/live`: the organiser's desk while the fair is on. Rendered inside the
 * live layout, so it shares the live connection (requests, live events) without taking the
 * organiser anywhere: it states no place of its own.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const { detail } = useLiveFair();
  const { fair } = detail;
  const agendaHeadingId = useId();
  const broadcastHeadingId = useId();

  if (!mayUseDashboard(detail.me)) {
    return (
      <>
        <PageHeading>{t('dashboard.title', { title: fair.title })}</PageHeading>
        <p className="notice">{t('dashboard.organisersOnly')}</p>
        <p>
          <Link to={paths.fair(fair.id)}>{t('manage.backToFair')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t('dashboard.title', { title: fair.title })}</PageHeading>
      <p>
        <Link to={paths.manage(fair.id)}>{t('dashboard.backToManage')}</Link>
      </p>

      <section aria-labelledby={agendaHeadingId}>
        <h2 id={agendaHeadingId}>{t('dashboard.agendaTitle')}</h2>
        <AgendaControls />
        <p>
          <Link to={`${paths.manage(fair.id)}#${MANAGE_SECTIONS.agenda.id}`}>
            {t('dashboard.agendaEdit')}
          </Link>
        </p>
      </section>

      <StageControls timeZone={fair.timeZone} />
      <OccupancyMap rooms={detail.rooms} timeZone={fair.timeZone} />

      <section aria-labelledby={broadcastHeadingId}>
        <h2 id={broadcastHeadingId}>{t('dashboard.broadcast.title')}</h2>
        <BroadcastForm rooms={detail.rooms} />
      </section>

      <ModerationLog fairId={fair.id} rooms={detail.rooms} timeZone={fair.timeZone} />
    </>
  );
}
