import type { Distribution } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../../hooks/use-language';
import { CHART_HEIGHT_PX, ChartFigure, seriesColour } from './ChartFigure';
import { FiguresTable } from './FiguresTable';
import { ReportSection } from './ReportSection';
import { formatDecimal, histogramRows } from './report-view';

interface DistributionSectionProps {
  /** Which count this is: new people or new organisations met. */
  kind: 'people' | 'organisations';
  distribution: Distribution;
}

/** Average, median and the histogram of how many new actors each participant met. */
export function DistributionSection({ kind, distribution }: DistributionSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = histogramRows(distribution);
  const peopleLabel = t('report.participantsAxis');

  return (
    <ReportSection title={t(`report.${kind}.title`)}>
      <dl className="profile-summary">
        <div>
          <dt>{t('report.average')}</dt>
          <dd className="count">{formatDecimal(distribution.average, language)}</dd>
        </div>
        <div>
          <dt>{t('report.median')}</dt>
          <dd className="count">{formatDecimal(distribution.median, language)}</dd>
        </div>
      </dl>
      <ChartFigure
        empty={rows.length === 0}
        caption={t(`report.${kind}.histogram`)}
        chart={
          <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX}>
            <BarChart data={rows} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} width={40} />
              <Tooltip />
              <Bar dataKey="people" name={peopleLabel} fill={seriesColour(0)} />
            </BarChart>
          </ResponsiveContainer>
        }
        table={
          <FiguresTable
            columns={[t(`report.${kind}.count`), peopleLabel]}
            rows={rows.map((row) => ({ key: row.label, label: row.label, figures: [row.people] }))}
          />
        }
      />
    </ReportSection>
  );
}
