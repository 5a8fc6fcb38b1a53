import type { Occupancy } from '@kohtaamo/protocol';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { useLanguage } from '../../hooks/use-language';
import { CHART_HEIGHT_PX, ChartFigure, seriesColour, seriesDash } from './ChartFigure';
import { FiguresTable } from './FiguresTable';
import { ReportSection } from './ReportSection';
import { formatDecimal, occupancyView } from './report-view';

/** Seated people per room over the fair, one line per room. */
export function OccupancySection({
  occupancy,
  timeZone,
}: {
  occupancy: Occupancy;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = occupancyView(occupancy, language, timeZone);
  const minutes = Math.round(occupancy.bucketSeconds / 60);

  return (
    <ReportSection title={t('report.occupancy.title')}>
      <p className="hint">{t('report.occupancy.explanation', { count: minutes, timeZone })}</p>
      <ChartFigure
        empty={view.rows.length === 0 || view.rooms.length === 0}
        caption={t('report.occupancy.caption')}
        chart={
          <ResponsiveContainer width="100%" height={CHART_HEIGHT_PX + 60}>
            <LineChart data={view.rows} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="time" minTickGap={16} />
              <YAxis width={48} tickFormatter={(value: number) => formatDecimal(value, language)} />
              <Tooltip />
              <Legend />
              {view.rooms.map((room, index) => (
                <Line
                  key={room.key}
                  type="linear"
                  dataKey={room.key}
                  name={room.name}
                  stroke={seriesColour(index)}
                  strokeDasharray={seriesDash(index)}
                  strokeWidth={2}
                  dot={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        }
        table={
          <FiguresTable
            columns={[t('report.occupancy.time'), ...view.rooms.map((room) => room.name)]}
            rows={view.rows.map((row, index) => ({
              // Buckets are in time order; a fair over midnight repeats a time of day.
              key: index,
              label: row.time,
              figures: view.rooms.map((room) => formatDecimal(row[room.key] ?? 0, language)),
            }))}
          />
        }
      />
    </ReportSection>
  );
}
