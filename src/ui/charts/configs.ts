/**
 * chart.js configs for the five charts: view model + theme → config. No state, no DOM;
 * Chart.svelte calls these with a plain snapshot of the model.
 */
import type { ChartConfiguration, ChartDataset, PointStyle, TooltipItem } from 'chart.js';
import { type PhaseModel, type SpeedupModel, type TimePoint, type TimeVsRecordsModel } from '../../core/view/chart-data';
import { type SpreadModel } from '../../core/view/spread-data';
import { SPAN_KINDS, SPAN_LABELS, type TimelineModel } from '../../core/view/timeline-data';
import { errorBarsPlugin, verticalMarkersPlugin } from './chart-plugins';
import { DASHES, POINT_STYLES, axis, baseOptions, compactNumber, type ChartTheme } from './chart-theme';
import { fmt, labelWithCi, lineChart, logTick, type LineData } from './line-chart';

// a. Time vs records ----------------------------------------------------------------------

export function timeVsRecordsConfig(m: TimeVsRecordsModel, t: ChartTheme): ChartConfiguration {
  const datasets = m.series.map((s, i) =>
    timeSeriesDataset(t, s, {
      color: t.series[i % t.series.length],
      borderDash: DASHES[i % DASHES.length],
      pointStyle: POINT_STYLES[i % POINT_STYLES.length],
    }),
  );
  return lineChart(t, {
    datasets,
    markers: m.breakEven
      ? [
          {
            x: m.breakEven.records,
            label: m.breakEven.label,
            shortLabel: m.breakEven.label.replace(/^Break-even ≈ | records.*$/g, ''),
            color: t.text,
          },
        ]
      : [],
    tooltipLabel: labelWithCi((records, ms) => `${compactNumber(records)} records, ${fmt(ms)} ms`),
    scales: {
      x: { ...axis(t, 'Records (log scale)'), type: 'logarithmic', ticks: { ...axis(t, '').ticks, callback: logTick } },
      // Every 1-2-5 label is kept: chart.js's auto-skip could leave a short range with one label.
      y: { ...axis(t, 'Median time, ms (log scale)'), type: 'logarithmic', ticks: { ...axis(t, '').ticks, callback: logTick, autoSkip: false } },
    },
    plugins: [errorBarsPlugin, verticalMarkersPlugin],
  });
}

export function timeVsRecordsLabel(m: TimeVsRecordsModel): string {
  const names = m.series.map((s) => s.label).join(', ');
  return `Line chart, both axes logarithmic: median time against record count for ${names}.` + (m.breakEven ? ` ${m.breakEven.label}.` : m.noBreakEven ? ` ${m.noBreakEven}` : '');
}

// b. Speedup vs workers -------------------------------------------------------------------

export function speedupConfig(m: SpeedupModel, t: ChartTheme): ChartConfiguration {
  const datasets: LineData[] = [
    {
      label: 'Measured (95% CI)',
      data: m.points.map((p) => ({ x: p.workers, y: p.speedup })),
      errorBars: m.points.map((p) => ({ lo: p.ci95[0], hi: p.ci95[1] })),
      showLine: false,
      clip: 12,
      borderColor: t.blue,
      backgroundColor: t.blue,
      pointStyle: 'circle',
      pointRadius: t.bold ? 7 : 5,
    },
    idealSpeedupDataset(t, m.ideal, [4, 4]),
  ];
  if (m.amdahl) datasets.push(amdahlCurveDataset(t, `Amdahl fit, p = ${fmt(m.amdahl.p, 3)} (ceiling ${fmt(m.amdahl.ceiling, 1)}×)`, m.amdahlCurve));
  if (m.usl) datasets.push(uslCurveDataset(t, `USL fit, σ = ${fmt(m.usl.sigma, 3)}, κ = ${fmt(m.usl.kappa, 4)}`, m.uslCurve));
  if (m.uslPeak) datasets.push(uslPeakDataset(t, `USL peak, N* ≈ ${fmt(m.uslPeak.x, 1)}`, m.uslPeak));
  const cores = m.cores;
  return lineChart(t, {
    datasets,
    markers: cores !== undefined && cores < m.maxWorkers ? [{ x: cores, label: `${cores} cores`, shortLabel: `${cores}`, color: t.muted }] : [],
    tooltipLabel: labelWithCi((workers, speedup) => `${fmt(workers, 1)} workers, ${fmt(speedup)}×`),
    scales: {
      x: {
        ...axis(t, 'Workers'),
        type: 'linear',
        min: 1,
        max: m.maxWorkers,
        ticks: { ...axis(t, '').ticks, stepSize: m.maxWorkers <= 16 ? 1 : undefined, precision: 0 },
      },
      y: { ...axis(t, 'Speedup (×)'), type: 'linear', beginAtZero: true },
    },
    plugins: [errorBarsPlugin, verticalMarkersPlugin],
  });
}

export function speedupLabel(m: SpeedupModel): string {
  const pts = m.points.map((p) => `${fmt(p.speedup)}× at ${p.workers}`).join(', ');
  const fits = [
    m.amdahl ? `Amdahl fit p = ${fmt(m.amdahl.p, 3)}, ceiling ${fmt(m.amdahl.ceiling, 1)}×` : '',
    m.uslPeak ? `USL peak at about ${fmt(m.uslPeak.x, 1)} workers` : '',
  ].filter(Boolean);
  const cores = m.cores !== undefined ? ` This machine reports ${m.cores} cores.` : '';
  return `Speedup against worker count, with the ideal line S = N. Measured: ${pts || 'none'}.` + (fits.length ? ` ${fits.join('; ')}.` : '') + cores;
}

// c. Phase breakdown ----------------------------------------------------------------------

export function phasesConfig(m: PhaseModel, t: ChartTheme): ChartConfiguration {
  const base = baseOptions(t);
  return {
    type: 'bar',
    data: {
      // Presenting: one line per parameter ("records 100,000", "shipping copy"), so the large
      // type needs half the room under the bars.
      labels: t.bold ? m.labels.map((l) => l.split(', ')) : m.labels,
      datasets: m.layers.map((l) => ({
        label: l.label,
        data: l.valuesMs,
        backgroundColor: t.phase[l.phase],
        borderColor: t.surface,
        borderWidth: 1,
        stack: 'phases',
      })),
    },
    options: {
      ...base,
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: { label: (item) => `${item.dataset.label}: ${fmt(Number(item.raw), 3)} ms` },
        },
      },
      scales: {
        x: { ...axis(t, 'Configuration'), stacked: true },
        y: { ...axis(t, 'Median ms per phase'), stacked: true, beginAtZero: true },
      },
    },
  } as ChartConfiguration;
}

export function phasesLabel(m: PhaseModel): string {
  const parts = m.labels.map((label, i) => {
    const top = [...m.layers].sort((a, b) => b.valuesMs[i] - a.valuesMs[i])[0];
    return `${label}: ${fmt(m.totalsMs[i], 1)} ms` + (top ? `, mostly ${top.label.toLowerCase()}` : '');
  });
  return `Stacked bars of median time per phase. ${parts.join('; ')}.`;
}

// d. Worker timeline (Gantt) --------------------------------------------------------------

export function timelineConfig(m: TimelineModel, t: ChartTheme): ChartConfiguration {
  const kinds = SPAN_KINDS.filter((k) => m.bars.some((b) => b.kind === k));
  const base = baseOptions(t);
  return {
    type: 'bar',
    data: {
      labels: m.rows.map((r) => r.label),
      datasets: kinds.map((kind) => ({
        label: SPAN_LABELS[kind],
        data: m.bars.filter((b) => b.kind === kind).map((b) => ({ x: [b.startMs, b.endMs], y: m.rows[b.row].label })),
        backgroundColor: t.span[kind],
        borderColor: t.surface,
        borderWidth: 1,
        borderSkipped: false,
        grouped: false,
        barPercentage: 0.9,
        categoryPercentage: 0.85,
      })),
    },
    options: {
      ...base,
      indexAxis: 'y',
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const [s, e] = (item.raw as { x: [number, number] }).x;
              return `${item.dataset.label}: ${fmt(s, 1)}–${fmt(e, 1)} ms (${fmt(e - s, 1)} ms)`;
            },
          },
        },
      },
      scales: {
        x: { ...axis(t, 'ms from the start of the run'), type: 'linear', min: 0, max: m.totalMs > 0 ? m.totalMs : undefined },
        y: { ...axis(t, ''), type: 'category', title: { display: false } },
      },
    },
  } as unknown as ChartConfiguration;
}

export function timelineLabel(m: TimelineModel): string {
  const rows = m.rows.map((r) => `${r.label} busy ${fmt(r.busyMs, 1)} ms, idle ${fmt(r.idleMs, 1)} ms`).join('; ');
  return `Timeline of one repetition, ${fmt(m.totalMs, 1)} ms long, one row per thread. ${rows}.`;
}

// e. Spread of the samples ----------------------------------------------------------------

export function spreadConfig(m: SpreadModel, t: ChartTheme): ChartConfiguration {
  const r = t.bold ? 6 : 4;
  const pick = (o: string) => m.points.filter((p) => p.outlier === o).map((p) => ({ x: p.x, y: p.y }));
  const datasets: ChartDataset<'scatter', { x: number; y: number }[]>[] = [
    { label: 'Repetition', data: pick('none'), backgroundColor: t.blue, borderColor: t.blue, pointStyle: 'circle', pointRadius: r },
    {
      label: 'Mild outlier',
      data: pick('mild'),
      backgroundColor: t.orange,
      borderColor: t.orange,
      pointStyle: 'triangle',
      pointRadius: r + 2,
    },
    {
      label: 'Severe outlier',
      data: pick('severe'),
      backgroundColor: t.vermillion,
      borderColor: t.vermillion,
      pointStyle: 'crossRot',
      pointRadius: r + 4,
      borderWidth: 3,
    },
    {
      label: 'Median',
      data: m.medians.flatMap((y, i) => (y === undefined ? [] : [{ x: i, y }])),
      borderColor: t.text,
      backgroundColor: t.text,
      pointStyle: 'line',
      pointRadius: 18,
      borderWidth: 3,
    },
  ];
  const base = baseOptions(t);
  return {
    type: 'scatter',
    data: { datasets: datasets.filter((d) => d.data.length > 0) },
    options: {
      ...base,
      parsing: false,
      plugins: {
        ...base.plugins,
        tooltip: {
          ...base.plugins.tooltip,
          callbacks: {
            label: (item) => `${m.labels[Math.round(item.parsed.x ?? 0)]}: ${fmt(item.parsed.y ?? 0, 3)} ms (${item.dataset.label})`,
          },
        },
      },
      scales: {
        x: {
          ...axis(t, 'Configuration'),
          type: 'linear',
          min: -0.5,
          max: Math.max(0.5, m.labels.length - 0.5),
          grid: { display: false },
          // One tick per configuration, at its integer position, labelled with its name.
          afterBuildTicks: (scale: { ticks: { value: number }[] }) => {
            scale.ticks = m.labels.map((_, i) => ({ value: i }));
          },
          ticks: {
            ...axis(t, '').ticks,
            autoSkip: false,
            callback: (v: number | string) => m.labels[Math.round(Number(v))] ?? '',
          },
        },
        y: { ...axis(t, 'Wall time per repetition, ms'), type: 'linear' },
      },
    },
  } as ChartConfiguration;
}

export function spreadLabel(m: SpreadModel): string {
  const mild = m.points.filter((p) => p.outlier === 'mild').length;
  const severe = m.points.filter((p) => p.outlier === 'severe').length;
  return `Strip plot of every repetition's time for ${m.labels.length} configurations, medians marked; ${mild} mild and ${severe} severe outliers.`;
}

/**
 * One series of median time per record count, with its CIs as error bars; shared by the time
 * chart and the comparison's, which tell series apart by `look` differently.
 */
export function timeSeriesDataset(
  t: ChartTheme,
  s: { label: string; points: TimePoint[] },
  look: { color: string; borderDash: number[]; pointStyle: PointStyle },
): LineData {
  return {
    label: s.label,
    data: s.points.map((p) => ({ x: p.records, y: p.medianMs })),
    errorBars: s.points.map((p) => ({ lo: p.ci95Ms[0], hi: p.ci95Ms[1] })),
    borderColor: look.color,
    backgroundColor: look.color,
    borderWidth: t.bold ? 4 : 2,
    borderDash: look.borderDash,
    pointStyle: look.pointStyle,
    pointRadius: t.bold ? 6 : 4,
    clip: 12, // points at the ends of the axes are drawn whole
  };
}

/**
 * The "ideal (S = N)" reference line. The dash is the caller's: in the comparison the before
 * run's lines are already dashed [6, 4], so its ideal line is dotted.
 */
export function idealSpeedupDataset(t: ChartTheme, data: { x: number; y: number }[], borderDash: number[]): LineData {
  return {
    label: 'Ideal (S = N)',
    data,
    borderColor: t.grey,
    backgroundColor: t.grey,
    borderDash,
    borderWidth: t.bold ? 4 : 2,
    pointRadius: 0,
    pointStyle: 'line',
  };
}

/** The fitted Amdahl curve's line style, shared by the speedup chart and the fit panel. */
export function amdahlCurveDataset(t: ChartTheme, label: string, data: { x: number; y: number }[]): LineData {
  return {
    label,
    data,
    borderColor: t.orange,
    backgroundColor: t.orange,
    borderWidth: t.bold ? 4 : 2,
    pointRadius: 0,
    pointStyle: 'line',
  };
}

/** The fitted USL curve's line style, shared by the speedup chart and the fit panel. */
export function uslCurveDataset(t: ChartTheme, label: string, data: { x: number; y: number }[]) {
  return {
    label,
    data,
    borderColor: t.green,
    backgroundColor: t.green,
    borderDash: [10, 3, 2, 3],
    borderWidth: t.bold ? 4 : 2,
    pointRadius: 0,
    pointStyle: 'line' as const,
  };
}

/** The USL peak marker (a star at N*). */
export function uslPeakDataset(t: ChartTheme, label: string, peak: { x: number; y: number }) {
  return {
    label,
    data: [peak],
    showLine: false,
    borderColor: t.vermillion,
    backgroundColor: t.vermillion,
    pointStyle: 'star' as const,
    pointRadius: t.bold ? 14 : 10,
    borderWidth: 2,
  };
}
