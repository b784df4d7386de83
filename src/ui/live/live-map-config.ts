/**
 * The live map's chart: the time-vs-records chart, with each point drawn hollow while it is
 * a live measurement (few repetitions) and filled once pinned (full precision), and the
 * current slider position ringed.
 */
import type { ChartConfiguration } from 'chart.js';
import type { LiveMapModel } from '../../core/experiment/live-map';
import { timeVsRecordsConfig, timeVsRecordsLabel } from '../charts/configs';
import type { LineData } from '../charts/line-chart';
import type { ChartTheme } from '../charts/chart-theme';

/** chart.js config of the live map (pure). */
export function liveMapConfig(m: LiveMapModel, t: ChartTheme): ChartConfiguration {
  const config = timeVsRecordsConfig(m.time, t);
  const pinned = new Set(m.pinnedKeys);
  (config.data.datasets as LineData[]).forEach((ds, i) => {
    const s = m.time.series[i];
    if (!s) return;
    const colour = typeof ds.borderColor === 'string' ? ds.borderColor : t.text;
    const isCurrent = (records: number) => m.current !== null && s.key === `w${m.current.workers}` && records === m.current.records;
    ds.pointBackgroundColor = s.points.map((p) => (pinned.has(`${s.key}|${p.records}`) ? colour : t.surface));
    ds.pointBorderWidth = s.points.map((p) => (isCurrent(p.records) ? 4 : 2));
    ds.pointRadius = s.points.map((p) => (isCurrent(p.records) ? (t.bold ? 10 : 7) : t.bold ? 6 : 4));
  });
  return config;
}

/** What the live map shows, for screen readers. */
export function liveMapLabel(m: LiveMapModel): string {
  const pinned = m.pinnedKeys.length;
  return `${timeVsRecordsLabel(m.time)} ${m.points.length} measured points, ${pinned} pinned (full precision), the rest live (fewer repetitions).`;
}
