/**
 * Chart configs for comparing two runs on one chart: both runs' speedup-vs-workers lines,
 * both runs' time-vs-records lines, and the matched configurations' medians side by side.
 * Before is dashed with square points, after solid with round ones, so the runs differ
 * without colour too. History's comparison and a lesson's "prepared vs now" both draw them.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { CompareMediansModel, CompareSide, CompareSpeedupModel, CompareTimeModel } from '../../core/experiment/compare';
import { errorBarsPlugin } from './chart-plugins';
import { axis, baseOptions, type ChartTheme } from './chart-theme';
import { idealSpeedupDataset, timeSeriesDataset } from './configs';
import { fmt, labelWithCi, lineChart, logLogTimeAxes, type LineData } from './line-chart';

/** Whether an overlay chart has any point to draw. (These configs also draw a lesson's "prepared vs now".) */
export const hasPoints = (m: { series: { points: unknown[] }[] }) => m.series.some((s) => s.points.length > 0);

const styleOf = (side: CompareSide) =>
  side === 'before'
    ? { borderDash: [6, 4], pointStyle: 'rect' as const }
    : { borderDash: [] as number[], pointStyle: 'circle' as const };

export function speedupConfig(m: CompareSpeedupModel, t: ChartTheme): ChartConfiguration {
  const datasets: LineData[] = m.series.map((s) => {
    const color = s.side === 'before' ? t.orange : t.blue;
    return {
      label: `${s.label} (95% CI)`,
      data: s.points.map((p) => ({ x: p.workers, y: p.speedup })),
      errorBars: s.points.map((p) => ({ lo: p.ci95[0], hi: p.ci95[1] })),
      borderColor: color,
      backgroundColor: color,
      borderWidth: t.bold ? 3 : 2,
      pointRadius: t.bold ? 7 : 5,
      clip: 12,
      ...styleOf(s.side),
    };
  });
  datasets.push(idealSpeedupDataset(t, m.ideal, [2, 3]));
  return lineChart(t, {
    datasets,
    tooltipLabel: labelWithCi((workers, speedup) => `${fmt(workers, 0)} workers, ${fmt(speedup)}×`),
    scales: {
      x: { ...axis(t, 'Workers'), type: 'linear', min: 1, max: m.maxWorkers, ticks: { ...axis(t, '').ticks, precision: 0 } },
      y: { ...axis(t, 'Speedup (×)'), type: 'linear', beginAtZero: true },
    },
    plugins: [errorBarsPlugin],
  });
}

export function speedupLabel(m: CompareSpeedupModel): string {
  const parts = m.series.map((s) => `${s.label}: ${s.points.map((p) => `${fmt(p.speedup)}× at ${p.workers}`).join(', ')}`);
  return `Speedup against worker count for both runs, with the ideal line. ${parts.join('. ')}.`;
}

export function timeConfig(m: CompareTimeModel, t: ChartTheme): ChartConfiguration {
  // One colour per worker count, shared by both runs; the run is told by dash and point shape.
  const groups = [...new Set(m.series.map((s) => s.group))];
  const datasets = m.series.map((s) =>
    timeSeriesDataset(t, s, { color: t.series[groups.indexOf(s.group) % t.series.length], ...styleOf(s.side) }),
  );
  return lineChart(t, {
    datasets,
    ...logLogTimeAxes(t),
    plugins: [errorBarsPlugin],
  });
}

export function timeLabel(m: CompareTimeModel): string {
  return `Line chart, both axes logarithmic: median time against record count for ${m.series.map((s) => s.label).join(', ')}.`;
}

export function mediansConfig(m: CompareMediansModel, t: ChartTheme): ChartConfiguration {
  const base = baseOptions(t);
  const dataset = (side: CompareSide) => {
    const values = side === 'before' ? m.before : m.after;
    const color = side === 'before' ? t.orange : t.blue;
    return {
      label: side === 'before' ? 'Before' : 'After',
      data: values.map((v) => v?.medianMs ?? null),
      errorBars: values.map((v) => (v ? { lo: v.ci95Ms[0], hi: v.ci95Ms[1] } : { lo: Number.NaN, hi: Number.NaN })),
      backgroundColor: color,
      borderColor: t.text,
      borderWidth: side === 'before' ? 2 : 0,
      borderDash: side === 'before' ? [4, 3] : [],
    };
  };
  return {
    type: 'bar',
    data: { labels: m.labels, datasets: [dataset('before'), dataset('after')] },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: { label: (item: TooltipItem<'bar'>) => `${item.dataset.label}: ${fmt(Number(item.raw), 3)} ms` },
        },
      },
      scales: {
        x: { ...axis(t, 'Configuration') },
        y: { ...axis(t, 'Median wall time, ms'), beginAtZero: true },
      },
    },
    plugins: [errorBarsPlugin],
  } as unknown as ChartConfiguration;
}

export function mediansLabel(m: CompareMediansModel): string {
  const parts = m.labels.map((l, i) => `${l}: before ${m.before[i] ? fmt(m.before[i]!.medianMs, 3) : 'none'} ms, after ${m.after[i] ? fmt(m.after[i]!.medianMs, 3) : 'none'} ms`);
  return `Bars of median wall time per matching configuration, before and after. ${parts.join('; ')}.`;
}
