import type { ThemeReport } from '@kohtaamo/protocol';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../../hooks/use-language';
import { CHART_HEIGHT_PX, ChartFigure, seriesColour } from './ChartFigure';
import { themeRows } from './report-view';

/** Per theme: meetings that started at its tables, and minutes spent seated there. */
export function ThemesSection({ themes }: { themes: readonly ThemeReport[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = useId();
  const rows = themeRows(themes, language);
  const meetings = t('report.themes.meetings');
  const minutes = t('report.themes.minutes');

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('report.themes.title')}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t('report.noData')}</p>
      ) : (
        <ChartFigure
          caption={t('report.themes.caption')}
          chart={
            <ResponsiveContainer width="100%" height={Math.max(CHART_HEIGHT_PX, rows.length * 40)}>
              <BarChart data={rows} layout="vertical" accessibilityLayer={false}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="name" width={150} interval={0} />
                <Tooltip />
                <Bar dataKey="meetings" name={meetings} fill={seriesColour(0)} />
              </BarChart>
            </ResponsiveContainer>
          }
          table={
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('report.themes.theme')}</th>
                  <th scope="col">{meetings}</th>
                  <th scope="col">{minutes}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.roomId}>
                    <th scope="row">{row.name}</th>
                    <td>{row.meetings}</td>
                    <td>{row.minutes}</td>
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
