import type { ThemeReport } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../hooks/use-language';
import { ChartFigure, seriesColour } from './ChartFigure';
import { FiguresTable } from './FiguresTable';
import { HorizontalBarChart } from './HorizontalBarChart';
import { ReportSection } from './ReportSection';
import { themeRows } from './report-view';

/** Per theme: meetings that started at its tables, and minutes spent seated there. */
export function ThemesSection({ themes }: { themes: readonly ThemeReport[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = themeRows(themes, language);
  const meetings = t('report.themes.meetings');

  return (
    <ReportSection title={t('report.themes.title')}>
      <ChartFigure
        empty={rows.length === 0}
        caption={t('report.themes.caption')}
        chart={
          <HorizontalBarChart
            bars={rows.map((row) => ({ label: row.name, value: row.meetings }))}
            valueName={meetings}
            colour={seriesColour(0)}
          />
        }
        table={
          <FiguresTable
            columns={[t('report.themes.theme'), meetings, t('report.themes.minutes')]}
            rows={rows.map((row) => ({
              key: row.roomId,
              label: row.name,
              figures: [row.meetings, row.minutes],
            }))}
          />
        }
      />
    </ReportSection>
  );
}
