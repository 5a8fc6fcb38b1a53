import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHART_HEIGHT_PX } from './ChartFigure';

/** Each bar's share of the chart's height, so long lists grow the chart instead of crowding. */
const BAR_HEIGHT_PX = 40;

export interface ChartBar {
  label: string;
  /** A whole number: the bar's length. */
  value: number;
}

interface HorizontalBarChartProps {
  bars: readonly ChartBar[];
  /** What the values count, for the tooltip. */
  valueName: string;
  colour: string;
}

/** One bar per row, lying down so that long labels (theme names) stay readable. */
export function HorizontalBarChart({ bars, valueName, colour }: HorizontalBarChartProps) {
  return (
    <ResponsiveContainer
      width="100%"
      height={Math.max(CHART_HEIGHT_PX, bars.length * BAR_HEIGHT_PX)}
    >
      <BarChart data={bars} layout="vertical" accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={150} interval={0} />
        <Tooltip />
        <Bar dataKey="value" name={valueName} fill={colour} />
      </BarChart>
    </ResponsiveContainer>
  );
}
