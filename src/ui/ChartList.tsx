// Small line charts from a table, the way the settings table drives the sliders: a row is a
// chart (title, hint, lines) and a line is a label, a colour and an accessor that takes its
// values from the store's series. Adding a chart is adding a row.
import type { Series } from '../viz/lineChart';
import { LineChartFigure } from './LineChartFigure';

export interface ChartLine<H> extends Omit<Series, 'values'> {
  values: (h: H) => number[];
}

export interface ChartRow<H> {
  title: string;
  /** Shown on hover: what the chart measures and how to read it. */
  hint?: string;
  lines: ChartLine<H>[];
}

export function ChartList<H extends { iteration: number[] }>(props: {
  rows: readonly ChartRow<H>[];
  history: H;
  className?: string;
}) {
  const { rows, history, className } = props;
  return rows.map((row) => (
    <LineChartFigure
      key={row.title}
      className={className}
      title={row.title}
      hint={row.hint}
      xs={history.iteration}
      series={row.lines.map(({ values, ...line }) => ({ ...line, values: values(history) }))}
    />
  ));
}
