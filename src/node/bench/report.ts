/**
 * From per-trial series to judged figures, results.json and the terminal's summary (the
 * BENCHMARKS.md text is in ./report-markdown.ts). Pure: data in, data or strings out
 * (bench.ts does the writing).
 */

import { quantileSorted, sortAscending } from '../../core/stats';
import type { EngineName } from '../engines/find-engines';
import { meets, type FigureSpec, type Measure, type Target, type Unit } from './figures';

/** Median with the p10–p90 range (Hyndman & Fan definition 7, as src/core/stats/) and the extremes. */
export interface Stat {
  n: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

export interface MeasuredSeries extends Stat {
  label: string;
  unit: Unit | 'ratio';
}

/** 'context': a figure without a target, measured and reported only; 'unavailable': it cannot run in this engine (verdict says why). */
export type FigureStatus = 'met' | 'missed' | 'error' | 'context' | 'unavailable';

export interface FigureResult {
  id: string;
  title: string;
  status: FigureStatus;
  value?: MeasuredSeries;
  reference?: MeasuredSeries;
  ratio?: MeasuredSeries;
  context: MeasuredSeries[];
  /** Absent for a context figure. */
  target?: Target;
  /** Why a context figure has no target. */
  contextOnly?: string;
  /** The median the target was judged on (a context figure: its ratio's, else its value's). */
  judged?: number;
  /** One line: "MET — 0.91× (target ≥ 0.66× the loop)". */
  verdict: string;
  notes: string[];
  info: Record<string, number | string | boolean>;
  error?: string;
  method: string;
  durationMs: number;
}

export interface MachineInfo {
  /** navigator.hardwareConcurrency in the bench page. */
  cores: number;
  cpuModel: string;
  osCpus: number;
  totalMemGiB: number;
  platform: string;
  node: string;
  browser: string;
  userAgent: string;
  crossOriginIsolated: boolean;
  /** os.loadavg() (1, 5, 15 min) when the bench started and when it ended. */
  loadAvgStart: number[];
  loadAvgEnd?: number[];
}

/** One engine's part of a run (`--browser`): its version, what its page offers, its figures. */
export interface EngineRun {
  engine: EngineName;
  /** The engine's own version string, e.g. "Chromium 156.0…", "Firefox 140.5.0esr", "WebKitGTK 2.50.1". */
  version: string;
  /** navigator.hardwareConcurrency in its bench page. */
  cores: number;
  crossOriginIsolated: boolean;
  sharedMemory: boolean;
  /** The smallest step of performance.now() in its bench page, ms. */
  timerResolutionMs: number;
  userAgent: string;
  figures: FigureResult[];
}

export interface BenchResults {
  schemaVersion: 1;
  mode: 'full' | 'smoke';
  /** Figures asked for with --only; null for all. */
  only: string[] | null;
  /** False while the bench is still running (the file is rewritten after every figure). */
  complete: boolean;
  startedAt: string;
  durationMs: number;
  trials: number;
  machine: MachineInfo;
  /** The first engine's figures (machine.browser is its version). */
  figures: FigureResult[];
  /** Every engine measured, in the order asked (the first is `figures`). */
  engines?: EngineRun[];
}

/** Summary statistics of a non-empty series. */
export function stat(values: readonly number[]): Stat {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return { n: 0, median: NaN, p10: NaN, p90: NaN, min: NaN, max: NaN };
  const s = sortAscending(finite);
  return { n: s.length, median: quantileSorted(s, 0.5), p10: quantileSorted(s, 0.1), p90: quantileSorted(s, 0.9), min: s[0], max: s[s.length - 1] };
}

function measured(series: Record<string, number[]>, m: Measure | { series: string; label: string }, unit: Unit | 'ratio'): MeasuredSeries | undefined {
  const values = series[m.series];
  if (!values || values.length === 0) return undefined;
  return { ...stat(values), label: m.label, unit };
}

/** Formats one number in its unit ("12.3 ms", "31.5 M records/s", "0.91×"). */
export function formatValue(x: number, unit: Unit | 'ratio'): string {
  if (!Number.isFinite(x)) return '—';
  const digits = (v: number) => (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
  switch (unit) {
    case 'records/s':
      return `${(x / 1e6).toFixed(digits(x / 1e6))} M records/s`;
    case 'µs':
      return `${x.toFixed(digits(x))} µs`;
    case 'ns':
      return `${x.toFixed(digits(x))} ns`;
    case 'ms':
      return `${x.toFixed(digits(x))} ms`;
    case '×':
    case 'ratio':
      return `${x.toFixed(x >= 100 ? 0 : 2)}×`;
    case '%':
      return `${x.toFixed(Math.abs(x) >= 1 ? 2 : 3)} %`;
    case 'kB':
      return `${x.toFixed(1)} kB`;
    case 'MB':
      return `${x.toFixed(0)} MB`;
    case 'MB/s':
      return `${x.toFixed(digits(x))} MB/s`;
    case 'fps':
      return `${x.toFixed(1)} fps`;
    case 'tasks/s':
      return x >= 1e6 ? `${(x / 1e6).toFixed(2)} M tasks/s` : `${(x / 1e3).toFixed(digits(x / 1e3))} k tasks/s`;
    case 'records':
      return `${Math.round(x).toLocaleString('en-US')} records`;
    case 'points/min':
      return `${x.toFixed(1)} points/min`;
    case 'lessons':
      return `${Math.round(x)} lesson${Math.round(x) === 1 ? '' : 's'}`;
  }
}

/** "12.3 ms [10.1–15.2]" (median [p10–p90]); a single trial shows just the value. */
export function formatStat(s: MeasuredSeries): string {
  const v = formatValue(s.median, s.unit);
  if (s.n < 2) return v;
  const strip = (t: string) => t.replace(/[^\d.\-−]+$/u, '').replace(/ M records\/s$/, '');
  return `${v} [${strip(formatValue(s.p10, s.unit))}–${strip(formatValue(s.p90, s.unit))}]`;
}

/** The numbers a page job (or a Node measurement) returned. */
export interface RawFigure {
  series: Record<string, number[]>;
  notes: string[];
  info: Record<string, number | string | boolean>;
}

/** Judges one figure from its raw series (or reports the error that stopped it). */
export function judge(spec: FigureSpec, raw: RawFigure | { error: string }, durationMs: number): FigureResult {
  const base = { id: spec.id, title: spec.title, target: spec.target, contextOnly: spec.contextOnly, method: spec.method, durationMs };
  if ('error' in raw) {
    return { ...base, status: 'error', context: [], verdict: `NOT MEASURED — ${raw.error}`, notes: [], info: {}, error: raw.error };
  }
  const value = measured(raw.series, spec.value, spec.value.unit);
  const reference = spec.reference ? measured(raw.series, spec.reference, spec.reference.unit) : undefined;
  const ratio = spec.ratio ? measured(raw.series, spec.ratio, 'ratio') : undefined;
  const context = (spec.context ?? []).map((m) => measured(raw.series, m, m.unit)).filter((m): m is MeasuredSeries => m !== undefined);
  const on = spec.target?.on ?? (ratio ? 'ratio' : 'value');
  const judgedOn = on === 'value' ? value : ratio;
  const result: FigureResult = { ...base, status: 'error', value, reference, ratio, context, verdict: '', notes: raw.notes, info: raw.info };
  if (!judgedOn || !Number.isFinite(judgedOn.median)) {
    result.error = `no ${on} was measured`;
    result.verdict = `NOT MEASURED — ${result.error}`;
    return result;
  }
  if (!spec.target) {
    result.status = 'context';
    result.judged = judgedOn.median;
    result.verdict = `CONTEXT — ${formatValue(judgedOn.median, judgedOn.unit)} (no target: ${spec.contextOnly ?? 'context only'})`;
    return result;
  }
  const ok = meets(judgedOn.median, spec.target.op, spec.target.bound);
  // "completes" is part of the memory figure's target: a failed run misses it whatever the number.
  const incomplete = typeof raw.info.failedRuns === 'number' && raw.info.failedRuns > 0;
  result.status = ok && !incomplete ? 'met' : 'missed';
  result.judged = judgedOn.median;
  const shown = formatValue(judgedOn.median, judgedOn.unit);
  result.verdict = `${result.status === 'met' ? 'MET' : 'MISSED'} — ${shown} (target ${spec.target.text})${incomplete ? `; ${raw.info.failedRuns} runs did not complete` : ''}`;
  return result;
}

/** The target column: the target's text, or "none (context)". */
export function targetText(f: FigureResult): string {
  return f.target ? f.target.text : 'none (context)';
}

/** The result column: met, **MISSED**, context, or why it was not measured. */
export function statusCell(f: FigureResult): string {
  if (f.status === 'error') return `**NOT MEASURED**: ${f.error ?? ''}`;
  if (f.status === 'unavailable') return `cannot run: ${f.verdict.replace(/^[^—]*— /, '')}`;
  return f.status === 'missed' ? '**MISSED**' : f.status;
}

/** The result of a figure that cannot run in `engine`, with the reason. */
export function unavailable(spec: FigureSpec, engine: string, why: string): FigureResult {
  return {
    id: spec.id,
    title: spec.title,
    status: 'unavailable',
    context: [],
    target: spec.target,
    contextOnly: spec.contextOnly,
    verdict: `CANNOT RUN IN ${engine.toUpperCase()} — ${why}`,
    notes: [],
    info: {},
    method: spec.method,
    durationMs: 0,
  };
}

/** The table as plain text for the terminal (one block per engine when there are several). */
export function terminalSummary(r: BenchResults): string {
  const rowsOf = (figures: readonly FigureResult[]) =>
    figures.map((f) => {
      const v = f.value ? formatStat(f.value) : '—';
      const ratio = f.ratio ? ` · ${f.ratio.label} ${formatStat(f.ratio)}` : f.reference ? ` · ${f.reference.label} ${formatStat(f.reference)}` : '';
      const status = { met: 'met    ', missed: 'MISSED ', error: 'ERROR  ', context: 'context', unavailable: 'n/a    ' }[f.status];
      const why = f.status === 'unavailable' ? ` — ${f.verdict}` : f.error ? ` — ${f.error}` : '';
      return `${status}  ${f.id.padEnd(17)} ${v}${ratio}  (${f.target ? `target ${f.target.text}` : 'no target'})${why}`;
    });
  if (!r.engines || r.engines.length < 2) return rowsOf(r.figures).join('\n');
  return r.engines.map((e) => [`${e.version}:`, ...rowsOf(e.figures)].join('\n')).join('\n\n');
}
