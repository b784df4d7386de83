/** The fit panel's chart: throughput against worker count, measured and fitted (Amdahl, USL). */
import type { ChartConfiguration } from 'chart.js';
import { fitCurves } from '../../core/fit/fit-export';
import { fitSucceeded, type ScalingAnalysis } from '../../core/fit/scaling-types';
import { axis, compactNumber, type ChartTheme } from './chart-theme';
import { amdahlCurveDataset, uslCurveDataset, uslPeakDataset } from './configs';
import { lineChart, type LineData } from './line-chart';

/** 4 significant digits; exponent notation for very small or large magnitudes. */
export function sig(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined) return '—';
  if (!Number.isFinite(x)) return '∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-3 || a >= 1e7) return x.toExponential(digits - 1);
  return String(Number(x.toPrecision(digits)));
}

interface XY {
  x: number;
  y: number;
}
export interface FitChartModel {
  unit: string;
  measured: XY[];
  amdahl: XY[];
  usl: XY[];
  peak: XY | undefined;
  amdahlLabel: string;
  uslLabel: string;
}

/** The fit chart's model: measured medians, the fitted Amdahl and USL curves, and the USL peak when it lies within the data. */
export function fitChartModel(a: ScalingAnalysis): FitChartModel {
  const curve = fitCurves(a);
  const usl = fitSucceeded(a.usl) ? a.usl : undefined;
  const amdahl = fitSucceeded(a.amdahl) ? a.amdahl : undefined;
  const nMax = a.points[a.points.length - 1].n;
  const peakN = usl?.peakN ?? undefined;
  return {
    unit: a.throughputUnit === 'runs/s' ? 'runs/s' : 'throughput',
    measured: a.points.map((p) => ({ x: p.n, y: p.throughput })),
    amdahl: curve.flatMap((c) => (c.amdahl === undefined ? [] : [{ x: c.n, y: c.amdahl }])),
    usl: curve.flatMap((c) => (c.usl === undefined ? [] : [{ x: c.n, y: c.usl }])),
    peak:
      usl && peakN !== undefined && peakN >= a.nMin && peakN <= nMax && usl.peakThroughput !== null
        ? { x: peakN, y: usl.peakThroughput }
        : undefined,
    amdahlLabel: amdahl ? `Amdahl fit, p = ${sig(amdahl.p)}` : '',
    uslLabel: usl ? `USL fit, σ = ${sig(usl.sigma)}, κ = ${sig(usl.kappa)}` : '',
  };
}

/** Throughput against worker count: the measured points and the fitted curves. */
export function fitChartConfig(m: FitChartModel, t: ChartTheme): ChartConfiguration {
  const datasets: LineData[] = [
    {
      label: 'Measured (median per n)',
      data: m.measured,
      showLine: false,
      borderColor: t.blue,
      backgroundColor: t.blue,
      pointStyle: 'circle',
      clip: 12, // points at the ends of the axes are drawn whole
      pointRadius: t.bold ? 7 : 5,
    },
  ];
  if (m.amdahl.length > 0) datasets.push(amdahlCurveDataset(t, m.amdahlLabel, m.amdahl));
  if (m.usl.length > 0) datasets.push(uslCurveDataset(t, m.uslLabel, m.usl));
  if (m.peak) datasets.push(uslPeakDataset(t, `USL peak, N* ≈ ${sig(m.peak.x, 3)}`, m.peak));
  return lineChart(t, {
    datasets,
    tooltipLabel: (item) => `${item.dataset.label}: n = ${sig(item.parsed.x)}, ${sig(item.parsed.y)} ${m.unit}`,
    scales: {
      x: { ...axis(t, 'Workers (n)'), type: 'linear' },
      y: {
        ...axis(t, m.unit === 'runs/s' ? 'Throughput, runs/s (1000 / time_ms)' : 'Throughput (unit of the file)'),
        type: 'linear',
        beginAtZero: true,
        ticks: { ...axis(t, '').ticks, callback: (v) => compactNumber(Number(v)) },
      },
    },
  });
}

/** The chart's accessible description. */
export function fitChartLabel(a: ScalingAnalysis): string {
  const pts = a.points.map((p) => `${sig(p.throughput)} at n = ${p.n}`).join(', ');
  return `Line chart of throughput against worker count: measured ${pts}, with the fitted Amdahl and USL curves.`;
}
