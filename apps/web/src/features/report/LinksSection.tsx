import type { OrganisationLink } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_HEIGHT_PX, ChartFigure, seriesColour } from './ChartFigure';
import { linkLabel } from './report-view';

/** How many of the shown links the chart draws; the table lists them all. */
const CHARTED_LINKS = 10;

/** The most frequent meetings between types of organisation (NGO ↔ municipality, …). */
export function LinksSection({ links }: { links: readonly OrganisationLink[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const meetings = t('report.links.meetings');
  const rows = links.map((link) => ({
    label: linkLabel(link, (type) => t(`organisationTypes.${type}`)),
    meetings: link.meetings,
  }));

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('report.links.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('report.noData')}</p>
      ) : (
        <ChartFigure
          caption={t('report.links.caption')}
          chart={
            <ResponsiveContainer
              width="100%"
              height={Math.max(CHART_HEIGHT_PX, Math.min(rows.length, CHARTED_LINKS) * 40)}
            >
              <BarChart
                data={rows.slice(0, CHARTED_LINKS)}
                layout="vertical"
                accessibilityLayer={false}
              >
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={150} interval={0} />
                <Tooltip />
                <Bar dataKey="meetings" name={meetings} fill={seriesColour(2)} />
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.links.link')}</th>
                  <th scope="col">{meetings}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    <td>{row.meetings}</td>
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
