/**
 * From raw repetitions to what the cards and charts show: per-point summaries, speedup
 * against the point's own sequential baseline, efficiency, Karp–Flatt, the Amdahl and USL
 * fits over workers and the break-even over records. Pure, so the UI, the CSV export and
 * the headless runner all compute the same numbers from the same samples.
 */
import {
  breakEven,
  efficiency,
  fitAmdahl,
  fitUsl,
  karpFlatt,
  median,
  speedup,
  summarize,
  warnings,
  type AmdahlFit,
  type BreakEven,
  type MeasurementWarning,
  type SpeedupResult,
  type Summary,
  type UslFit,
} from '../stats';
import { configKey, planExperiment, type PlannedPoint, type RunPlan } from './plan';
import type { RunRecord } from '../io/run-record';
import { PHASES, type Phase, type RepetitionRecord, type RunConfig, type Sample } from '../model/types';
import { errorText } from '../view/format';

export interface PointAnalysis {
  point: PlannedPoint;
  /** Measured samples of the point's own configuration, in run order. */
  samples: Sample[];
  /** Samples of its worker-seq baseline on the same data, in run order. */
  baselineSamples: Sample[];
  summary: Summary | null;
  baselineSummary: Summary | null;
  /** Baseline median ÷ this point's median, with a bootstrap CI; null until both sides have samples. */
  speedup: SpeedupResult | null;
  /** Threads the point computes on: its workers for pool and main-async, 1 for main and worker-seq. */
  threads: number;
  /** speedup ÷ threads (the honest one, S/N). */
  efficiency: number | null;
  /** Karp–Flatt experimentally determined serial fraction; undefined for one thread. */
  karpFlatt: number | undefined;
  /** records ÷ median seconds. */
  throughputRecordsPerSec: number | null;
  /** Median of each phase over the samples, ms. */
  phaseMediansMs: Record<Phase, number>;
  /** Median over samples of (wall − compute) ÷ wall: the share of time not spent computing. */
  overheadShare: number | null;
  /** Every sample (and baseline sample) matched the sequential digest. */
  allCorrect: boolean;
  /** Every measured sample (the point's own, baselines aside) matched the sequential digest. */
  measuredCorrect: boolean;
  incorrectSamples: number;
  warnings: MeasurementWarning[];
}

/** A fit that could not be made says why instead of showing a number. */
export type FitOutcome<T> = { ok: true; fit: T } | { ok: false; reason: string };

export interface WorkerScaling {
  /** The other swept coordinates this worker series holds fixed, for the label. */
  label: string;
  points: PointAnalysis[];
  amdahl: FitOutcome<AmdahlFit>;
  usl: FitOutcome<UslFit>;
}

export interface RecordsScaling {
  workers: number;
  label: string;
  /** Break-even of this series (B) against the sequential baseline (A). */
  breakEven: FitOutcome<BreakEven>;
}

export interface ExperimentAnalysis {
  points: PointAnalysis[];
  /** One series per combination of the other swept values, when workers is swept. */
  workerScaling: WorkerScaling[];
  /** One series per worker count, when records is swept. */
  recordsScaling: RecordsScaling[];
  measured: number;
  allCorrect: boolean;
}

function zeroPhases(): Record<Phase, number> {
  return Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
}

function attempt<T>(f: () => T): FitOutcome<T> {
  try {
    return { ok: true, fit: f() };
  } catch (err) {
    return { ok: false, reason: errorText(err) };
  }
}

/** Threads a configuration computes on: main and worker-seq run on one, whatever `workers` says. */
export function threadsOf(config: RunConfig): number {
  return config.strategy === 'pool' || config.strategy === 'main-async' ? config.workers : 1;
}

/** Analyses one point from its samples and its baseline's samples. */
export function analysePoint(
  point: PlannedPoint,
  samples: Sample[],
  baselineSamples: Sample[],
  timerResolutionMs: number,
): PointAnalysis {
  const walls = samples.map((s) => s.wallMs);
  const baseWalls = baselineSamples.map((s) => s.wallMs);
  const summary = walls.length ? summarize(walls) : null;
  const baselineSummary = baseWalls.length ? summarize(baseWalls) : null;
  // A 0 ms wall is below the timer's resolution; a ratio of it would be infinite, so say nothing.
  const ratioPossible = walls.length > 0 && baseWalls.length > 0 && walls.every((w) => w > 0) && baseWalls.every((w) => w > 0);
  const sp = ratioPossible ? speedup(baseWalls, walls) : null;
  const workers = threadsOf(point.config);
  const phaseMediansMs = zeroPhases();
  if (samples.length) for (const p of PHASES) phaseMediansMs[p] = median(samples.map((s) => s.phasesMs[p]));
  const overheadShare = samples.length
    ? median(samples.map((s) => (s.wallMs > 0 ? Math.max(0, s.wallMs - s.phasesMs.compute) / s.wallMs : 0)))
    : null;
  const incorrectSamples = [...samples, ...baselineSamples].filter((s) => !s.correct).length;
  return {
    point,
    samples,
    baselineSamples,
    summary,
    baselineSummary,
    speedup: sp,
    threads: workers,
    efficiency: sp ? efficiency(sp.ratio, workers) : null,
    karpFlatt: sp && workers > 1 ? karpFlatt(sp.ratio, workers) : undefined,
    throughputRecordsPerSec: summary && summary.median > 0 ? point.config.records / (summary.median / 1000) : null,
    phaseMediansMs,
    overheadShare,
    allCorrect: incorrectSamples === 0,
    measuredCorrect: samples.every((s) => s.correct),
    incorrectSamples,
    warnings: summary && timerResolutionMs > 0 ? warnings(summary, timerResolutionMs, { samplesMs: walls }) : [],
  };
}

/** The point's swept coordinates other than `excluded`, as a label (the key of a series along `excluded`). */
export function otherCoordsLabel(point: PlannedPoint, excluded: string): string {
  return (
    Object.entries(point.coords)
      .filter(([k]) => k !== excluded)
      .map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en-US') : v}`)
      .join(', ') || 'all points'
  );
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function isSwept(plan: RunPlan, param: string): boolean {
  return plan.points.some((p) => param in p.coords);
}

/** Analyses every point of a plan from the repetitions recorded so far (works mid-run too). */
export function analyseExperiment(plan: RunPlan, reps: readonly RepetitionRecord[], timerResolutionMs: number): ExperimentAnalysis {
  const byKey = new Map<string, Sample[]>();
  for (const rep of reps) {
    const key = configKey(rep.config);
    const list = byKey.get(key);
    if (list) list.push(rep.sample);
    else byKey.set(key, [rep.sample]);
  }
  const points = plan.points.map((point) =>
    analysePoint(
      point,
      byKey.get(plan.units[point.unit].key) ?? [],
      byKey.get(plan.units[point.baselineUnit].key) ?? [],
      timerResolutionMs,
    ),
  );

  const workerScaling: WorkerScaling[] = [];
  if (isSwept(plan, 'workers')) {
    for (const [, series] of groupBy(points, (p) => otherCoordsLabel(p.point, 'workers'))) {
      const measured = series.filter((p) => p.speedup && p.summary);
      workerScaling.push({
        label: otherCoordsLabel(series[0].point, 'workers'),
        points: series,
        amdahl: attempt(() => fitAmdahl(measured.map((p) => ({ n: p.point.config.workers, speedup: p.speedup!.ratio })))),
        usl: attempt(() =>
          fitUsl(measured.map((p) => ({ n: p.point.config.workers, throughput: p.throughputRecordsPerSec ?? 0 }))),
        ),
      });
    }
  }

  const recordsScaling: RecordsScaling[] = [];
  if (isSwept(plan, 'records')) {
    for (const [, series] of groupBy(points, (p) => otherCoordsLabel(p.point, 'records'))) {
      const withData = series.filter((p) => p.summary && p.baselineSummary && p.point.config.records > 0);
      recordsScaling.push({
        workers: series[0].point.config.workers,
        label: otherCoordsLabel(series[0].point, 'records'),
        breakEven: attempt(() =>
          breakEven(
            withData.map((p) => ({ records: p.point.config.records, ms: p.baselineSummary!.median })),
            withData.map((p) => ({ records: p.point.config.records, ms: p.summary!.median })),
          ),
        ),
      });
    }
  }

  return {
    points,
    workerScaling,
    recordsScaling,
    measured: reps.length,
    allCorrect: points.every((p) => p.allCorrect),
  };
}

/** Analyses a stored run: its experiment's plan over its repetitions, at its own timer resolution. */
export function analyseRecord(record: RunRecord): ExperimentAnalysis {
  return analyseExperiment(planExperiment(record.experiment), record.repetitions, record.environment.timerResolutionMs);
}
