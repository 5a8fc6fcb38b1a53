import type { Distribution } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../../hooks/use-language';
import { CHART_HEIGHT_PX, ChartFigure, seriesColour } from './ChartFigure';
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
  const headingId = useId();
  const rows = histogramRows(distribution);
  const countLabel = t(`report.${kind}.count`);
  const peopleLabel = t('report.participantsAxis');

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`report.${kind}.title`)}</h2>
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
      {rows.length === 0 ? (
        <p className="muted">{t('report.noData')}</p>
      ) : (
        <ChartFigure
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
            <table>
              <thead>
                <tr>
                  <th scope="col">{countLabel}</th>
                  <th scope="col">{peopleLabel}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{row.people}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      )}
    </section>
  );
}
