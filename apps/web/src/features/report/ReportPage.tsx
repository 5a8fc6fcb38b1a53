import type { FairDetailResponse, FairReport } from '@kohtaamo/protocol';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFairDetail } from '../../hooks/use-fair-detail';
import { useLanguage } from '../../hooks/use-language';
import { useResource } from '../../hooks/use-resource';
import { getReport, reportCsvUrl } from '../../lib/api-report';
import { localeOf } from '../../lib/language';
import { paths } from '../../lib/navigation';
import { PageHeading } from '../../ui/PageHeading';
import { ResourceView } from '../../ui/ResourceView';
import { erasureDate } from '../erasure/erasure-stage';
import { DistributionSection } from './DistributionSection';
import { LinksSection } from './LinksSection';
import { OccupancySection } from './OccupancySection';
import { ReportSection } from './ReportSection';
import { ThemesSection } from './ThemesSection';

/**
 * `/fairs/:fairId/manage/report`: the organiser's "new actors met" report. Counts only, never
 * names, cards or notes; computed by the server when asked, so reloading shows the latest.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { fairId, resource, reload } = useFairDetail();
  const title =
    resource.status === 'ready'
      ? t('report.title', { title: resource.data.fair.title })
      : t('report.loadingTitle');

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>
        <Link to={paths.manage(fairId)}>{t('report.backToManage')}</Link>
      </p>
      <ResourceView resource={resource} onRetry={reload}>
        {(detail) =>
          detail.me.role === 'organiser' ? (
            <LoadedReport detail={detail} />
          ) : (
            <p className="notice">{t('report.organisersOnly')}</p>
          )
        }
      </ResourceView>
    </>
  );
}

function LoadedReport({ detail }: { detail: FairDetailResponse }) {
  const fairId = detail.fair.id;
  const load = useCallback(() => getReport(fairId), [fairId]);
  const { resource, reload } = useResource(load);
  return (
    <ResourceView resource={resource} onRetry={reload}>
      {({ report, erasedAt }) => (
        <ReportBody
          report={report}
          erasedAt={erasedAt ?? null}
          timeZone={detail.fair.timeZone}
          onRefresh={reload}
        />
      )}
    </ResourceView>
  );
}

interface ReportBodyProps {
  report: FairReport;
  /** Set when the figures are the snapshot kept by erasing the fair's personal data. */
  erasedAt: string | null;
  timeZone: string;
  onRefresh: () => void;
}

function ReportBody({ report, erasedAt, timeZone, onRefresh }: ReportBodyProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const generatedAt = new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(Date.parse(report.generatedAt));

  return (
    <>
      <p className="lead">{t('report.intro')}</p>
      {erasedAt && (
        <p className="notice">
          {t('report.erased', { date: erasureDate(erasedAt, localeOf(language), timeZone) })}
        </p>
      )}
      <div className="actions">
        <a className="button-link" href={reportCsvUrl(report.fairId)} download>
          {t('report.downloadCsv')}
        </a>
        {!erasedAt && (
          <button type="button" onClick={onRefresh}>
            {t('report.refresh')}
          </button>
        )}
      </div>
      <p className="hint">{t('report.generatedAt', { time: generatedAt })}</p>

      <ReportSection title={t('report.summaryTitle')}>
        <dl className="profile-summary">
          <div>
            <dt>{t('report.registered')}</dt>
            <dd className="count">{report.participants.registered}</dd>
          </div>
          <div>
            <dt>{t('report.seated')}</dt>
            <dd className="count">{report.participants.seated}</dd>
          </div>
          <div>
            <dt>{t('report.meetings')}</dt>
            <dd className="count">{report.meetings}</dd>
          </div>
          <div>
            <dt>{t('report.threshold')}</dt>
            <dd>{t('report.thresholdValue', { count: report.meetingThresholdSeconds })}</dd>
          </div>
        </dl>
      </ReportSection>

      <DistributionSection kind="people" distribution={report.newPeople} />
      <DistributionSection kind="organisations" distribution={report.newOrganisations} />
      <ThemesSection themes={report.themes} />
      <OccupancySection occupancy={report.occupancy} timeZone={timeZone} />
      <LinksSection links={report.organisationLinks} />
    </>
  );
}
