import type { OrganisationLink } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { ChartFigure, seriesColour } from './ChartFigure';
import { FiguresTable } from './FiguresTable';
import { HorizontalBarChart } from './HorizontalBarChart';
import { ReportSection } from './ReportSection';
import { linkLabel } from './report-view';

/** How many of the shown links the chart draws; the table lists them all. */
const CHARTED_LINKS = 10;

/** The most frequent meetings between types of organisation (NGO ↔ municipality, …). */
export function LinksSection({ links }: { links: readonly OrganisationLink[] }) {
  const { t } = useTranslation();
  const meetings = t('report.links.meetings');
  const rows = links.map((link) => ({
    label: linkLabel(link, (type) => t(`organisationTypes.${type}`)),
    meetings: link.meetings,
  }));

  return (
    <ReportSection title={t('report.links.title')}>
      <ChartFigure
        empty={rows.length === 0}
        caption={t('report.links.caption')}
        chart={
          <HorizontalBarChart
            bars={rows
              .slice(0, CHARTED_LINKS)
              .map((row) => ({ label: row.label, value: row.meetings }))}
            valueName={meetings}
            colour={seriesColour(2)}
          />
        }
        table={
          <FiguresTable
            columns={[t('report.links.link'), meetings]}
            rows={rows.map((row) => ({
              key: row.label,
              label: row.label,
              figures: [row.meetings],
            }))}
          />
        }
      />
    </ReportSection>
  );
}
