/**
 * Pure view-model builders for the charts, the result cards and the "show data" tables.
 * Each chart component takes one of these plain models; everything that can be wrong
 * about a chart (sorting, log-scale gaps, model curves, jitter, idle time) lives here,
 * where Node tests can check it with exact numbers.
 */
import { amdahlSpeedup, efficiency, uslPeakN as statsUslPeakN, uslThroughput, type ChangeVerdict } from '../stats';
import { PHASES, type Phase } from '../model/types';
import { plural } from './format';
import type { SpreadModel } from './spread-data';
import { cell, type TableModel } from './table';
import type { TimelineModel } from './timeline-data';
import type { Interval } from '../stats';

// ---------------------------------------------------------------------------
// a. Time vs records (log–log), one line per worker count.

/** One measured configuration as the time-vs-records chart needs it. */
export interface TimeRow {
  workers: number;
  /** Series name when worker count alone is ambiguous (e.g. "1 worker (worker-seq)"). */
  series?: string;
  records: number;
  medianMs: number;
  /** 95 % confidence interval of the median, ms. */
  ci95Ms: Interval;
}
export interface TimePoint {
  records: number;
  medianMs: number;
  /** The row's interval, kept around the median and above 0 for the log axis. */
  ci95Ms: Interval;
}
export interface TimeSeries {
  key: string;
  label: string;
  workers: number;
  points: TimePoint[];
}
export interface TimeVsRecordsModel {
  series: TimeSeries[];
  breakEven?: { records: number; label: string };
  /** Why no break-even is marked, when there is none ("No break-even: the 2-worker run is never faster …"). */
  noBreakEven?: string;
  /** Rows left out because a log axis cannot show 0 records or 0 ms. */
  omitted: number;
}

/** Groups rows into one series per worker count (or given series name), sorted for drawing. */
export function buildTimeVsRecords(
  rows: readonly TimeRow[],
  breakEven?: { records: number; workers?: number } | null,
  noBreakEven?: string,
): TimeVsRecordsModel {
  const byKey = new Map<string, TimeSeries>();
  let omitted = 0;
  for (const r of rows) {
    if (!(r.records > 0) || !(r.medianMs > 0)) {
      omitted++;
      continue;
    }
    const key = r.series ?? `w${r.workers}`;
    let s = byKey.get(key);
    if (!s) {
      s = { key, label: r.series ?? plural(r.workers, 'worker', 'workers'), workers: r.workers, points: [] };
      byKey.set(key, s);
    }
    s.points.push({
      records: r.records,
      medianMs: r.medianMs,
      ci95Ms: [Math.max(Number.MIN_VALUE, Math.min(r.ci95Ms[0], r.medianMs)), Math.max(r.ci95Ms[1], r.medianMs)],
    });
  }
  const series = [...byKey.values()].sort((a, b) => a.workers - b.workers || a.label.localeCompare(b.label));
  for (const s of series) s.points.sort((a, b) => a.records - b.records);
  const model: TimeVsRecordsModel = { series, omitted };
  if (breakEven && Number.isFinite(breakEven.records) && breakEven.records > 0) {
    const who = breakEven.workers !== undefined ? ` (${plural(breakEven.workers, 'worker', 'workers')} vs 1)` : '';
    model.breakEven = {
      records: breakEven.records,
      label: `Break-even ≈ ${Math.round(breakEven.records).toLocaleString('en-US')} records${who}`,
    };
  } else if (noBreakEven) {
    model.noBreakEven = noBreakEven;
  }
  return model;
}

/** The data table behind the time-vs-records chart. */
export function timeVsRecordsTable(m: TimeVsRecordsModel): TableModel {
  const rows = m.series.flatMap((s) =>
    s.points.map((p) => [s.label, String(p.records), cell(p.medianMs), cell(p.ci95Ms[0]), cell(p.ci95Ms[1])]),
  );
  return {
    caption:
      'Median time per record count' +
      (m.breakEven ? `; ${m.breakEven.label}` : m.noBreakEven ? `; ${m.noBreakEven}` : '') +
      (m.omitted > 0 ? `; ${plural(m.omitted, 'row', 'rows')} with 0 records or 0 ms not drawn on the log axes` : ''),
    columns: ['Series', 'Records', 'Median ms', '95% CI low ms', '95% CI high ms'],
    rows,
  };
}

// ---------------------------------------------------------------------------
// b. Speedup vs workers, with ideal, Amdahl and USL curves.

export interface SpeedupPoint {
  workers: number;
  speedup: number;
  ci95: Interval;
}
/** Universal Scalability Law parameters: X(N) = λN / (1 + σ(N−1) + κN(N−1)). */
export interface UslParams {
  sigma: number;
  kappa: number;
  /** Throughput of one worker in the model, records/s. */
  lambda: number;
  /** Measured baseline (worker-seq) throughput, records/s; speedup = X(N) / this. Defaults to λ. */
  baselineThroughput?: number;
}
export interface XY {
  x: number;
  y: number;
}
export interface SpeedupModel {
  points: SpeedupPoint[];
  amdahl?: { p: number; ceiling: number };
  usl?: UslParams & { peakN: number };
  maxWorkers: number;
  /** This machine's reported core count, marked on the chart when given. */
  cores?: number;
  ideal: XY[];
  amdahlCurve: XY[];
  uslCurve: XY[];
  /** The USL peak, when it falls inside the drawn range. */
  uslPeak?: XY;
  /** Which of the experiment's points are drawn, when not all of them are. */
  note?: string;
}


/** N* of the USL for drawing: Infinity (off the chart) when there is no interior peak. */
export function uslPeakN(sigma: number, kappa: number): number {
  return statsUslPeakN(sigma, kappa) ?? Number.POSITIVE_INFINITY;
}

/** USL speedup over the baseline: X(N) / X_base, X(N) = λN / (1 + σ(N−1) + κN(N−1)) (Gunther 1993). */
export function uslSpeedup(u: UslParams, n: number): number {
  return uslThroughput(u, n) / (u.baselineThroughput ?? u.lambda);
}


/** Evenly spaced x from 1 to max, plus every integer, for smooth model curves. */
function curveXs(max: number, steps = 60): number[] {
  const xs = new Set<number>();
  for (let i = 0; i <= steps; i++) xs.add(1 + ((max - 1) * i) / steps);
  for (let n = 1; n <= max; n++) xs.add(n);
  return [...xs].sort((a, b) => a - b);
}

/** Builds the speedup chart's model: sorted points, the ideal line and the fitted curves. */
export function buildSpeedup(input: {
  points: readonly SpeedupPoint[];
  amdahl?: { p: number } | null;
  usl?: UslParams | null;
  /** Right end of the x axis; defaults to the largest measured worker count (at least 2). */
  maxWorkers?: number;
  /** navigator.hardwareConcurrency, to mark where oversubscription starts. */
  cores?: number;
  /** Which points are drawn, when not all of the experiment's (shown with the chart and in its table). */
  note?: string;
}): SpeedupModel {
  const points = [...input.points].sort((a, b) => a.workers - b.workers);
  const measuredMax = points.reduce((m, p) => Math.max(m, p.workers), 1);
  const maxWorkers = Math.max(2, input.maxWorkers ?? measuredMax);
  const xs = curveXs(maxWorkers);
  const model: SpeedupModel = {
    points,
    maxWorkers,
    ideal: [
      { x: 1, y: 1 },
      { x: maxWorkers, y: maxWorkers },
    ],
    amdahlCurve: [],
    uslCurve: [],
  };
  if (input.cores !== undefined && input.cores >= 1) model.cores = input.cores;
  if (input.note) model.note = input.note;
  if (input.amdahl && Number.isFinite(input.amdahl.p)) {
    const p = input.amdahl.p;
    model.amdahl = { p, ceiling: p < 1 ? 1 / (1 - p) : Number.POSITIVE_INFINITY };
    model.amdahlCurve = xs.map((x) => ({ x, y: amdahlSpeedup(p, x) }));
  }
  if (input.usl && [input.usl.sigma, input.usl.kappa, input.usl.lambda].every(Number.isFinite) && input.usl.lambda > 0) {
    const u = input.usl;
    const peakN = uslPeakN(u.sigma, u.kappa);
    model.usl = { ...u, peakN };
    model.uslCurve = xs.map((x) => ({ x, y: uslSpeedup(u, x) }));
    if (peakN >= 1 && peakN <= maxWorkers) model.uslPeak = { x: peakN, y: uslSpeedup(u, peakN) };
  }
  return model;
}

/** The data table behind the speedup chart. */
export function speedupTable(m: SpeedupModel): TableModel {
  const notes: string[] = [];
  if (m.amdahl) notes.push(`Amdahl fit p = ${cell(m.amdahl.p)}, ceiling ${cell(m.amdahl.ceiling, 2)}×`);
  if (m.usl) {
    notes.push(
      `USL fit σ = ${cell(m.usl.sigma, 4)}, κ = ${cell(m.usl.kappa, 5)}` +
        (Number.isFinite(m.usl.peakN) ? `, peak at N* ≈ ${cell(m.usl.peakN, 1)}` : ', no peak'),
    );
  }
  if (m.note) notes.push(m.note);
  return {
    caption: ['Speedup over the one-worker baseline'].concat(notes).join('; '),
    columns: ['Workers', 'Speedup', '95% CI low', '95% CI high', 'Efficiency %', 'Ideal'],
    rows: m.points.map((p) => [
      String(p.workers),
      cell(p.speedup),
      cell(p.ci95[0]),
      cell(p.ci95[1]),
      cell((100 * p.speedup) / p.workers, 1),
      String(p.workers),
    ]),
  };
}

// ---------------------------------------------------------------------------
// c. Phase breakdown, stacked bars per configuration.

export const PHASE_LABELS: Readonly<Record<Phase, string>> = {
  spawn: 'Spawn',
  init: 'Init',
  generate: 'Generate',
  split: 'Split / index',
  shipIn: 'Ship in',
  compute: 'Compute',
  shipOut: 'Ship out',
  merge: 'Merge',
  teardown: 'Teardown',
};

export interface PhaseBarInput {
  /** The configuration's label ("4 workers, copy"). */
  label: string;
  /** Median ms of each phase. */
  phasesMs: Readonly<Record<Phase, number>>;
}
export interface PhaseModel {
  labels: string[];
  /** One stack layer per phase that is non-zero somewhere, in pipeline order. */
  layers: { phase: Phase; label: string; valuesMs: number[] }[];
  totalsMs: number[];
}

/** Stacks the phases per configuration, leaving out phases that are zero everywhere. */
export function buildPhases(bars: readonly PhaseBarInput[]): PhaseModel {
  const layers = PHASES.map((phase) => ({
    phase,
    label: PHASE_LABELS[phase],
    valuesMs: bars.map((b) => Math.max(0, b.phasesMs[phase] || 0)),
  })).filter((l) => l.valuesMs.some((v) => v > 0));
  return {
    labels: bars.map((b) => b.label),
    layers,
    totalsMs: bars.map((_, i) => layers.reduce((s, l) => s + l.valuesMs[i], 0)),
  };
}

/** The data table behind the phase chart. */
export function phasesTable(m: PhaseModel): TableModel {
  return {
    caption: 'Median milliseconds per phase and configuration',
    columns: ['Configuration', ...m.layers.map((l) => `${l.label} ms`), 'Sum ms'],
    rows: m.labels.map((label, i) => [label, ...m.layers.map((l) => cell(l.valuesMs[i])), cell(m.totalsMs[i])]),
  };
}

/**
 * Share of the wall time not spent computing: (Σ phases − compute) ÷ wall, in 0…1.
 * Compute time is per worker in parallel, so the phase sum can differ from wall time.
 */
export function overheadShare(phasesMs: Readonly<Record<Phase, number>>, wallMs: number): number {
  if (!(wallMs > 0)) return 0;
  let other = 0;
  for (const p of PHASES) if (p !== 'compute') other += Math.max(0, phasesMs[p] || 0);
  return Math.min(1, other / wallMs);
}

// ---------------------------------------------------------------------------
// Result cards and the whole results view.

export { amdahlSpeedup, efficiency };

export interface ResultCardsModel {
  /** Which configuration the cards describe ("4 workers, transfer, 1,000,000 records"). */
  label: string;
  medianMs: number;
  ci95Ms: Interval;
  throughputRecordsPerSec: number;
  /** Against the worker-seq baseline on the same data; absent when there is no baseline. */
  speedup?: { value: number; ci95: Interval; workers: number; change: ChangeVerdict };
  /** 0 … 1: non-compute phases ÷ wall time (see overheadShare). */
  overheadShare?: number;
  /** Every sample's digest equalled the sequential reference; null when not checked. */
  correct: boolean | null;
  warnings: string[];
}


/**
 * Everything the results area shows. The sweep runner (or whoever maps the stats to views)
 * fills what it has; a missing field shows that chart's empty state.
 */
export interface ResultsView {
  cards?: ResultCardsModel;
  timeVsRecords?: TimeVsRecordsModel;
  speedup?: SpeedupModel;
  phases?: PhaseModel;
  timeline?: TimelineModel;
  spread?: SpreadModel;
}

