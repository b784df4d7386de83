/**
 * What the x/y line charts have in common (time vs records, speedup vs workers, the
 * comparison's overlays, the fit panel): number formats, log-axis ticks, the tooltip text with
 * a point's confidence interval, and the config around the datasets.
 */
import type { ChartConfiguration, ChartDataset, ChartOptions, Plugin, TooltipItem } from 'chart.js';
import type { ErrorBar, VerticalMarker } from './chart-plugins';
import { axis, baseOptions, compactNumber, type ChartTheme } from './chart-theme';

/** A line dataset of {x, y} points; `errorBars` (one per point) is drawn by errorBarsPlugin. */
export type LineData = ChartDataset<'line', { x: number; y: number }[]> & { errorBars?: ErrorBar[] };

/** Fixed decimals; an infinite value (a ceiling with no serial part) reads as ∞. */
export const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '∞');

/** Log-axis ticks: label 1, 2 and 5 × 10^k only, compactly. */
export function logTick(value: number | string): string {
  const n = Number(value);
  if (!(n > 0)) return '';
  const mantissa = Math.round((n / 10 ** Math.floor(Math.log10(n) + 1e-9)) * 1000) / 1000;
  return mantissa === 1 || mantissa === 2 || mantissa === 5 ? compactNumber(n) : '';
}

/**
 * A tooltip label "<dataset>: <point>", followed by " (95% CI lo–hi)" when the dataset carries
 * error bars: `point` gets the hovered point's x and y in the axes' units.
 */
export function labelWithCi(point: (x: number, y: number) => string) {
  return (item: TooltipItem<'line'>): string => {
    const bar = (item.dataset as LineData).errorBars?.[item.dataIndex];
    const ci = bar ? ` (95% CI ${fmt(bar.lo)}–${fmt(bar.hi)})` : '';
    return `${item.dataset.label}: ${point(item.parsed.x ?? 0, item.parsed.y ?? 0)}${ci}`;
  };
}

/**
 * A line chart of {x, y} points (`parsing: false`, so chart.js skips parsing the data) with
 * the shared theme options. `markers` go to the vertical-markers plugin, which must then be
 * in `plugins`.
 */
export function lineChart(
  t: ChartTheme,
  chart: {
    datasets: LineData[];
    tooltipLabel: (item: TooltipItem<'line'>) => string;
    scales: ChartOptions<'line'>['scales'];
    markers?: VerticalMarker[];
    plugins?: Plugin[];
  },
): ChartConfiguration {
  const base = baseOptions(t);
  return {
    type: 'line',
    data: { datasets: chart.datasets },
    options: {
      ...base,
      parsing: false,
      plugins: {
        ...base.plugins,
        ...(chart.markers ? { ppMarkers: { markers: chart.markers } } : {}),
        tooltip: { ...base.plugins.tooltip, callbacks: { label: chart.tooltipLabel } },
      },
      scales: chart.scales,
    },
    plugins: chart.plugins,
  } as ChartConfiguration;
}

/** The tooltip and log–log axes of a chart of median time against records (no break-even marker). */
export function logLogTimeAxes(t: ChartTheme): { tooltipLabel: (item: TooltipItem<'line'>) => string; scales: ChartOptions<'line'>['scales'] } {
  return {
    tooltipLabel: labelWithCi((records, ms) => `${compactNumber(records)} records, ${fmt(ms)} ms`),
    scales: {
      x: { ...axis(t, 'Records (log scale)'), type: 'logarithmic', ticks: { ...axis(t, '').ticks, callback: logTick } },
      y: { ...axis(t, 'Median time, ms (log scale)'), type: 'logarithmic', ticks: { ...axis(t, '').ticks, callback: logTick } },
    },
  };
}
