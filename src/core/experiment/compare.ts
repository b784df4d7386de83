/**
 * Comparing two stored runs, "before" and "after" (pure: records in, plain models out).
 *
 * - Points are matched by configuration (plan.configKey of each planned point), never by
 *   position or label: two runs that swept different values share only the configurations
 *   both measured; the rest are listed as unmatched.
 * - Per matched point: S = median(before) ÷ median(after) with the seeded 95 % percentile
 *   bootstrap of stats.speedup (S > 1: after is faster), judged by stats.judgeChange (the
 *   one "did it change?" rule: interval excludes 1 and the change exceeds the noise
 *   band), and the time ratio
 *   median(after) ÷ median(before) = 1 / S. The time ratio's interval is the speedup's
 *   interval inverted: percentile intervals respect monotone transformations (Efron &
 *   Tibshirani, "An Introduction to the Bootstrap", 1993, §13.6).
 * - The settings of both runs are diffed field by field (base configuration, sweeps,
 *   warm-ups / repetitions, environment) so a "faster" can be read against what changed.
 * - Both runs' speedup-vs-workers and time-vs-records lines, and the matched medians, are
 *   laid out as overlay models for the history view's comparison charts.
 */
import { analyseRecord, type ExperimentAnalysis, type PointAnalysis } from './analysis';
import type { SpeedupPoint, TimePoint, XY } from '../view/chart-data';
import { diffSettings } from './compare-settings';
import { configKey, type PlannedPoint } from './plan';
import { buildResultsView } from '../view/results-view';
import type { RunRecord } from '../io/run-record';
import { judgeChange, NOISE_BAND, speedup, type ChangeVerdict, type SpeedupResult } from '../stats';
import type { RunConfig } from '../model/types';
import type { Interval } from '../stats';

export type CompareSide = 'before' | 'after';

/** A run's measured repetitions at one configuration. */
export interface SideSummary {
  n: number;
  medianMs: number;
  /** 95 % bootstrap interval of the median (stats.summarize). */
  ci95Ms: Interval;
}

/**
 * How after compares with before at one configuration: stats.judgeChange's verdict on S
 * ('faster', 'slower', 'no-change'), or 'no-data' when no ratio exists.
 */
export type CompareVerdict = ChangeVerdict | 'no-data';

/** One configuration both runs planned. */
export interface PointComparison {
  /** plan.configKey of the configuration. */
  key: string;
  /** The after run's name for the point ("workers 4"), or the before run's when it differs and after has none. */
  label: string;
  beforeLabel: string;
  afterLabel: string;
  config: RunConfig;
  before: SideSummary | null;
  after: SideSummary | null;
  /** median(before) ÷ median(after) with its 95 % CI: > 1 means after is faster. */
  speedup: SpeedupResult | null;
  /** median(after) ÷ median(before): < 1 means after took less time. */
  timeRatio: number | null;
  timeRatioCi95: [number, number] | null;
  verdict: CompareVerdict;
  /** "after is 1.23× faster (95 % CI 1.10–1.35×)". */
  text: string;
}

/** A configuration only one of the two runs planned. */
export interface UnmatchedPoint {
  side: CompareSide;
  key: string;
  label: string;
  config: RunConfig;
  /** Measured repetitions the run has at this point. */
  n: number;
}

export type FieldGroup = 'configuration' | 'sweep' | 'experiment' | 'environment';

/** One setting of the two runs side by side. */
export interface FieldDiff {
  group: FieldGroup;
  /** Stable path: `base.workers`, `sweep.records`, `repetitions`, `environment.userAgent`. */
  path: string;
  /** Human name: "Workers", "Sweep of Records", "Cores reported". */
  label: string;
  before: string;
  after: string;
  changed: boolean;
  /** Why a differing value does not count, e.g. a base value both runs override with a sweep. */
  note?: string;
}

/** The speedup-vs-workers lines of both runs. */
export interface CompareSpeedupSeries {
  side: CompareSide;
  label: string;
  points: SpeedupPoint[];
}
export interface CompareSpeedupModel {
  series: CompareSpeedupSeries[];
  maxWorkers: number;
  ideal: XY[];
}

/** The time-vs-records lines of both runs (one per worker count and run). */
export interface CompareTimeSeries {
  side: CompareSide;
  key: string;
  label: string;
  /** The series' name within its run ("4 workers"): the same group in both runs gets the same colour. */
  group: string;
  workers: number;
  points: TimePoint[];
}
export interface CompareTimeModel {
  series: CompareTimeSeries[];
}

/** Median time of each matched configuration, both runs. */
export interface CompareMediansModel {
  labels: string[];
  before: (SideSummary | null)[];
  after: (SideSummary | null)[];
}

export interface RunRef {
  id: string;
  label: string;
  createdAt: string;
}

export interface RunComparison {
  before: RunRef;
  after: RunRef;
  /** Configurations both runs planned, in the after run's plan order. */
  points: PointComparison[];
  /** Configurations only one run planned: before's first, each in plan order. */
  unmatched: UnmatchedPoint[];
  /** Every compared setting, changed or not, in a fixed order. */
  fields: FieldDiff[];
  /** The settings that differ (`fields` filtered by `changed`). */
  differences: FieldDiff[];
  counts: Record<CompareVerdict, number>;
  /** Geometric mean of S over the points that have one; undefined when none do. */
  geoMeanSpeedup: number | undefined;
  charts: { speedup: CompareSpeedupModel; time: CompareTimeModel; medians: CompareMediansModel };
}

// ---------------------------------------------------------------------------
// Wording

const x2 = (n: number) => n.toFixed(2);

/** The sentence for one point, from judgeChange: "after is 1.23× faster (95 % CI 1.10–1.35×)". */
export function describeSpeedup(s: SpeedupResult): { verdict: CompareVerdict; text: string } {
  const [lo, hi] = s.ci95;
  const faster = s.ratio >= 1;
  const factor = faster ? s.ratio : 1 / s.ratio;
  // Slower is said as a factor > 1 too; its interval is the inverted one.
  const ci = faster ? `${x2(lo)}–${x2(hi)}×` : `${x2(1 / hi)}–${x2(1 / lo)}×`;
  const claim = `after is ${x2(factor)}× ${faster ? 'faster' : 'slower'}`;
  const judged = judgeChange(s);
  if (judged.verdict !== 'no-change') return { verdict: judged.verdict, text: `${claim} (95 % CI ${ci})` };
  if (judged.reason === 'inside-noise-band') {
    return {
      verdict: 'no-change',
      text: `no measurable change: ${claim} (95 % CI ${ci}), inside the ±${NOISE_BAND * 100} % noise band`,
    };
  }
  return { verdict: 'no-change', text: `no measurable change: ${claim}, but the 95 % CI ${ci} includes 1×` };
}

// ---------------------------------------------------------------------------
// Points

interface Side {
  record: RunRecord;
  analysis: ExperimentAnalysis;
  points: PlannedPoint[];
  /** configKey → the analysis of the point with that configuration. */
  byKey: Map<string, PointAnalysis>;
}

function sideOf(record: RunRecord): Side {
  const analysis = analyseRecord(record);
  // One entry per distinct configuration: a sweep can list the same value twice.
  const byKey = new Map<string, PointAnalysis>();
  for (const p of analysis.points) {
    const key = configKey(p.point.config);
    if (!byKey.has(key)) byKey.set(key, p);
  }
  return { record, analysis, points: [...byKey.values()].map((p) => p.point), byKey };
}

/** A side's wall times at a configuration, as the analysis grouped them. */
function wallsAt(side: Side, key: string): number[] {
  return side.byKey.get(key)?.samples.map((s) => s.wallMs) ?? [];
}

function summaryOf(side: Side, key: string): SideSummary | null {
  const s = side.byKey.get(key)?.summary;
  return s ? { n: s.n, medianMs: s.median, ci95Ms: s.ci95 } : null;
}

function comparePoint(point: PlannedPoint, other: PlannedPoint, before: Side, after: Side): PointComparison {
  const key = configKey(point.config);
  const beforeMs = wallsAt(before, key);
  const afterMs = wallsAt(after, key);
  const base = {
    key,
    label: point.label === 'this configuration' && other.label !== 'this configuration' ? other.label : point.label,
    beforeLabel: other.label,
    afterLabel: point.label,
    config: point.config,
    before: summaryOf(before, key),
    after: summaryOf(after, key),
  };
  let why: string | undefined;
  if (beforeMs.length === 0 && afterMs.length === 0) why = 'neither run measured this configuration';
  else if (beforeMs.length === 0) why = 'the before run has no measurement here';
  else if (afterMs.length === 0) why = 'the after run has no measurement here';
  else if (![...beforeMs, ...afterMs].every((w) => w > 0)) why = "a 0 ms sample is below the timer's resolution, so no ratio";
  if (why !== undefined) {
    return { ...base, speedup: null, timeRatio: null, timeRatioCi95: null, verdict: 'no-data', text: `cannot compare: ${why}` };
  }
  const s = speedup(beforeMs, afterMs);
  const { verdict, text } = describeSpeedup(s);
  return {
    ...base,
    speedup: s,
    timeRatio: 1 / s.ratio,
    timeRatioCi95: [1 / s.ci95[1], 1 / s.ci95[0]],
    verdict,
    text,
  };
}

// ---------------------------------------------------------------------------
// Overlay charts

function overlayModels(before: Side, after: Side, points: PointComparison[]): RunComparison['charts'] {
  const views = ([['before', before], ['after', after]] as const).map(([side, s]) => ({ side, view: buildResultsView(s.analysis) }));
  const name = (side: CompareSide) => (side === 'before' ? 'Before' : 'After');

  const speedupSeries: CompareSpeedupSeries[] = [];
  const timeSeries: CompareTimeSeries[] = [];
  for (const { side, view } of views) {
    if (view.speedup && view.speedup.points.length > 0) {
      speedupSeries.push({ side, label: name(side), points: view.speedup.points });
    }
    for (const s of view.timeVsRecords?.series ?? []) {
      timeSeries.push({ side, key: `${side}:${s.key}`, label: `${name(side)} · ${s.label}`, group: s.label, workers: s.workers, points: s.points });
    }
  }
  const maxWorkers = Math.max(2, ...speedupSeries.flatMap((s) => s.points.map((p) => p.workers)));
  timeSeries.sort((p, q) => p.workers - q.workers || (p.side === q.side ? 0 : p.side === 'before' ? -1 : 1) || p.label.localeCompare(q.label));
  return {
    speedup: { series: speedupSeries, maxWorkers, ideal: [{ x: 1, y: 1 }, { x: maxWorkers, y: maxWorkers }] },
    time: { series: timeSeries },
    medians: { labels: points.map((p) => p.label), before: points.map((p) => p.before), after: points.map((p) => p.after) },
  };
}

// ---------------------------------------------------------------------------
// The comparison

/** Compares two runs: matched configurations with ratios and CIs, unmatched ones, the settings diff and overlay charts. */
export function compareRuns(before: RunRecord, after: RunRecord): RunComparison {
  const b = sideOf(before);
  const a = sideOf(after);
  const beforeByKey = new Map(b.points.map((p) => [configKey(p.config), p]));
  const afterKeys = new Set(a.points.map((p) => configKey(p.config)));

  const points: PointComparison[] = [];
  const unmatched: UnmatchedPoint[] = [];
  for (const p of b.points) {
    const key = configKey(p.config);
    if (!afterKeys.has(key)) unmatched.push({ side: 'before', key, label: p.label, config: p.config, n: wallsAt(b, key).length });
  }
  for (const p of a.points) {
    const key = configKey(p.config);
    const other = beforeByKey.get(key);
    if (other) points.push(comparePoint(p, other, b, a));
    else unmatched.push({ side: 'after', key, label: p.label, config: p.config, n: wallsAt(a, key).length });
  }

  const counts: Record<CompareVerdict, number> = { faster: 0, slower: 0, 'no-change': 0, 'no-data': 0 };
  for (const p of points) counts[p.verdict]++;
  const ratios = points.flatMap((p) => (p.speedup ? [p.speedup.ratio] : []));
  const geoMeanSpeedup = ratios.length ? Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length) : undefined;

  const fields = diffSettings(before, after);
  const ref = (r: RunRecord): RunRef => ({ id: r.id, label: r.label, createdAt: r.createdAt });
  return {
    before: ref(before),
    after: ref(after),
    points,
    unmatched,
    fields,
    differences: fields.filter((f) => f.changed),
    counts,
    geoMeanSpeedup,
    charts: overlayModels(b, a, points),
  };
}

/** One sentence over all matched points, for the live region and the comparison's heading. */
export function comparisonSummary(c: RunComparison): string {
  const n = c.points.length;
  if (n === 0) {
    return `No configuration was measured in both runs (${c.unmatched.length} unmatched); compare runs that share at least one configuration.`;
  }
  const parts = [`${n} matching ${n === 1 ? 'configuration' : 'configurations'}`];
  const tally = [
    c.counts.faster ? `after faster at ${c.counts.faster}` : '',
    c.counts.slower ? `slower at ${c.counts.slower}` : '',
    c.counts['no-change'] ? `no measurable change at ${c.counts['no-change']}` : '',
    c.counts['no-data'] ? `no ratio at ${c.counts['no-data']}` : '',
  ].filter(Boolean);
  let text = `${parts[0]}: ${tally.join(', ')}`;
  if (c.geoMeanSpeedup !== undefined && n > 1) text += `; geometric mean speedup ${x2(c.geoMeanSpeedup)}×`;
  if (c.unmatched.length > 0) text += `; ${c.unmatched.length} unmatched`;
  const d = c.differences.length;
  text += `. ${d === 0 ? 'No setting differs' : `${d} ${d === 1 ? 'setting differs' : 'settings differ'}`}.`;
  return text;
}

