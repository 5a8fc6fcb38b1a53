import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../ui/ScrollTable';

interface ChartFigureProps {
  /** No figures yet (nobody sat down): a line saying so instead of an empty chart. */
  empty: boolean;
  caption: string;
  /** The chart, drawn for sighted readers; the table carries the same figures for everyone. */
  chart: ReactNode;
  table: ReactNode;
}

/**
 * A chart and its table as one figure. The chart is hidden from screen readers, which read the
 * table instead; the table is always shown, since it is also what a phone reader can scroll.
 */
export function ChartFigure({ empty, caption, chart, table }: ChartFigureProps) {
  const { t } = useTranslation();
  if (empty) return <p className="muted">{t('report.noData')}</p>;
  return (
    <figure className="chart-figure">
      <figcaption>{caption}</figcaption>
      <div className="chart" aria-hidden="true">
        {chart}
      </div>
      <ScrollRegion label={caption}>{table}</ScrollRegion>
    </figure>
  );
}

/** Series colours, each at least 3:1 against white; lines cycle dash patterns too. */
export const SERIES_COLOURS = [
  '#0a4f8f',
  '#b3541e',
  '#1d6b33',
  '#7b3294',
  '#a11a1f',
  '#00707a',
  '#6b5a00',
  '#4f5661',
] as const;

export function seriesColour(index: number): string {
  return SERIES_COLOURS[index % SERIES_COLOURS.length] ?? SERIES_COLOURS[0];
}

/** Solid for the first round of colours, then dashed, then dotted. */
export function seriesDash(index: number): string | undefined {
  const round = Math.floor(index / SERIES_COLOURS.length) % 3;
  return [undefined, '6 3', '2 3'][round];
}

export const CHART_HEIGHT_PX = 260;
