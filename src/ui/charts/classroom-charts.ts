/** The classroom's charts: every machine on one chart, speedup against workers and time against records. */
import type { ChartConfiguration } from 'chart.js';
import type { MachineLine } from '../../core/io/classroom';
import { errorBarsPlugin } from './chart-plugins';
import { axis, DASHES, POINT_STYLES, type ChartTheme } from './chart-theme';
import { idealSpeedupDataset } from './configs';
import { fmt, labelWithCi, lineChart, logLogTimeAxes, type LineData } from './line-chart';

/** Colour, dash and point shape per machine, so lines differ without colour too. */
function styleOf(t: ChartTheme, i: number) {
  const color = t.series[i % t.series.length];
  return {
    borderColor: color,
    backgroundColor: color,
    borderDash: DASHES[Math.floor(i / t.series.length) % DASHES.length],
    pointStyle: POINT_STYLES[i % POINT_STYLES.length],
    borderWidth: t.bold ? 3 : 2,
    pointRadius: t.bold ? 6 : 4,
  };
}

/** Speedup against workers, one line per machine, with the ideal line. */
export function classroomSpeedupConfig(lines: MachineLine[], t: ChartTheme): ChartConfiguration {
  const max = Math.max(2, ...lines.flatMap((l) => l.speedup.map((p) => p.workers)));
  const datasets: LineData[] = lines.map((l, i) => ({
    label: l.name,
    data: l.speedup.map((p) => ({ x: p.workers, y: p.speedup })),
    errorBars: l.speedup.map((p) => ({ lo: p.ci95[0], hi: p.ci95[1] })),
    ...styleOf(t, i),
  }));
  datasets.push(idealSpeedupDataset(t, [{ x: 1, y: 1 }, { x: max, y: max }], [2, 3]));
  return lineChart(t, {
    datasets,
    tooltipLabel: labelWithCi((workers, s) => `${fmt(workers, 0)} workers, ${fmt(s)}×`),
    scales: {
      x: { ...axis(t, 'Workers'), type: 'linear', min: 1, max, ticks: { ...axis(t, '').ticks, precision: 0 } },
      y: { ...axis(t, 'Speedup (×)'), type: 'linear', beginAtZero: true },
    },
    plugins: [errorBarsPlugin],
  });
}

/** Median time against records on log–log axes, one line per machine. */
export function classroomTimeConfig(lines: MachineLine[], t: ChartTheme): ChartConfiguration {
  const datasets: LineData[] = lines.map((l, i) => ({
    label: `${l.name} (${l.timeWorkers} workers)`,
    data: l.time.map((p) => ({ x: p.records, y: p.medianMs })),
    errorBars: l.time.map((p) => ({ lo: p.ci95Ms[0], hi: p.ci95Ms[1] })),
    ...styleOf(t, i),
  }));
  return lineChart(t, {
    datasets,
    ...logLogTimeAxes(t),
    plugins: [errorBarsPlugin],
  });
}

export const classroomSpeedupLabel = (lines: MachineLine[]) =>
  `Speedup against workers, one line per machine (${lines.length}): ${lines.map((l) => `${l.name} best ${l.bestSpeedup === null ? 'none' : `${fmt(l.bestSpeedup)}×`}`).join('; ')}.`;
export const classroomTimeLabel = (lines: MachineLine[]) =>
  `Median time against records on log–log axes, one line per machine at its largest worker count: ${lines.map((l) => `${l.name} breaks even ${l.breakEven}`).join('; ')}.`;
