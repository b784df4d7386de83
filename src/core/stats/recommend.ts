/**
 * The adaptive threshold seed 004 asks for ("only parallelise when work ≫ overhead"),
 * computed from measurements instead of guessed: which configuration is fastest for a
 * given record count, and below which record count staying sequential wins — each with
 * the points and fits it rests on, so the UI can show its evidence.
 */

import { breakEven, type BreakEven } from './break-even';
import { StatsError, requireNonNegative, requirePositiveTime, requireWorkers } from './errors';
import { fitTimeModel, project, type Projection, type TimeModel } from './time-model';

/** One measured configuration of a sweep: median and 95 % CI in ms. */
export interface SweepPoint {
  workers: number;
  records: number;
  medianMs: number;
  ci95: [number, number];
}

/** A sweep: the sequential baseline's points plus the parallel (pool) points. */
export interface Sweep {
  /** The sequential baseline (workers = 1 / worker-seq), one point per record count. */
  baseline: readonly SweepPoint[];
  /** Parallel configurations, one point per (records, workers). */
  points: readonly SweepPoint[];
}

/** One candidate configuration with the number it was judged by. */
export interface Choice {
  /** 1 for the sequential baseline. */
  workers: number;
  sequential: boolean;
  ms: number;
  /** Measured 95 % CI; null for a model value. */
  ci95: [number, number] | null;
  source: 'measured' | 'model';
  /** The measured point, or the model projection, behind `ms`. */
  evidence: SweepPoint | Projection;
}

/** Below which record count staying sequential wins. */
export type SequentialThreshold =
  /** Sequential wins below `records`; `workers` is the worker count that overtakes it first. */
  | { kind: 'crossing'; records: number; workers: number; between: [number, number] }
  /** Some worker count beat the baseline at every measured size; no threshold ≥ `belowRecords` exists. */
  | { kind: 'always'; workers: number; belowRecords: number }
  /** No worker count ever overtook the baseline in the measured range. */
  | { kind: 'never'; maxRecords: number }
  /**
   * The sweep cannot say: no worker count shares ≥ 2 record counts with the baseline, or
   * parallel runs won only at the small sizes.
   */
  | { kind: 'unknown'; reason: string };

/** The recommendation and its evidence. */
export interface Recommendation {
  records: number;
  /** The fastest candidate. */
  best: Choice;
  /** Every candidate, fastest first (`best` included). */
  candidates: Choice[];
  /** 'measured' when the sweep has this exact record count for the baseline and some pool; else 'model'. */
  decidedBy: 'measured' | 'model';
  /**
   * Measured only: true when best's CI lies wholly below every other candidate's CI.
   * False means the runner-up is within noise (and always false for model decisions).
   */
  clearWinner: boolean;
  /** The time model used when `decidedBy` is 'model', else null. */
  model: TimeModel | null;
  threshold: SequentialThreshold;
  /** Break-even of each worker count against the baseline, the evidence for `threshold`. */
  breakEvens: { workers: number; result: BreakEven }[];
}

function checkPoints(points: readonly SweepPoint[], name: string): void {
  const seen = new Set<string>();
  points.forEach((p, i) => {
    requireWorkers(p.workers, `${name}[${i}].workers`);
    requireNonNegative(p.records, `${name}[${i}].records`);
    requirePositiveTime(p.medianMs, `${name}[${i}].medianMs`);
    requireNonNegative(p.ci95[0], `${name}[${i}].ci95[0]`);
    requireNonNegative(p.ci95[1], `${name}[${i}].ci95[1]`);
    const key = `${p.records}/${p.workers}`;
    if (seen.has(key)) {
      throw new StatsError(
        'duplicate-points',
        `${name} has two points for ${p.records} records on ${p.workers} workers`,
      );
    }
    seen.add(key);
  });
}

function thresholdFrom(breakEvens: { workers: number; result: BreakEven }[]): SequentialThreshold {
  if (breakEvens.length === 0) {
    return { kind: 'unknown', reason: 'no worker count was measured at ≥ 2 of the baseline record counts' };
  }
  const always = breakEvens.filter((b) => b.result.kind === 'always');
  if (always.length > 0) {
    const first = always.sort((x, y) => x.workers - y.workers)[0];
    return { kind: 'always', workers: first.workers, belowRecords: first.result.points[0].records };
  }
  let earliest: SequentialThreshold | null = null;
  for (const { workers, result } of breakEvens) {
    if (result.kind !== 'crossing') continue;
    if (earliest === null || (earliest.kind === 'crossing' && result.records < earliest.records)) {
      earliest = { kind: 'crossing', records: result.records, workers, between: result.between };
    }
  }
  if (earliest !== null) return earliest;
  if (breakEvens.every((b) => b.result.kind === 'never')) {
    const maxRecords = Math.max(...breakEvens.map((b) => b.result.points[b.result.points.length - 1].records));
    return { kind: 'never', maxRecords };
  }
  return {
    kind: 'unknown',
    reason: 'parallel runs were faster only at the smallest sizes, so there is no lower threshold',
  };
}

/** Each worker count's break-even against the baseline, where they share at least two sizes. */
function breakEvensOf(sweep: Sweep, workerCounts: readonly number[]): { workers: number; result: BreakEven }[] {
  // Break-evens live on log axes, so 0-record points (pure overhead) cannot take part.
  const baselineCurve = sweep.baseline
    .filter((p) => p.records > 0)
    .map((p) => ({ records: p.records, ms: p.medianMs }));
  const breakEvens: { workers: number; result: BreakEven }[] = [];
  for (const workers of workerCounts) {
    const curve = sweep.points
      .filter((p) => p.workers === workers && p.records > 0)
      .map((p) => ({ records: p.records, ms: p.medianMs }));
    const common = curve.filter((c) => baselineCurve.some((b) => b.records === c.records)).length;
    if (common >= 2) {
      breakEvens.push({ workers, result: breakEven(baselineCurve, curve) });
    }
  }
  return breakEvens;
}

/**
 * The options at `records`: the measured points when the baseline and at least one worker
 * count were measured there, or else every worker count projected by a time model fitted to
 * the whole sweep (`model` then says which).
 */
function candidatesAt(sweep: Sweep, records: number, workerCounts: readonly number[]): { candidates: Choice[]; model: TimeModel | null } {
  const measuredBaseline = sweep.baseline.find((p) => p.records === records);
  const measuredPool = sweep.points.filter((p) => p.records === records);
  if (measuredBaseline !== undefined && measuredPool.length > 0) {
    const candidates: Choice[] = [
      {
        workers: 1,
        sequential: true,
        ms: measuredBaseline.medianMs,
        ci95: measuredBaseline.ci95,
        source: 'measured',
        evidence: measuredBaseline,
      },
      ...measuredPool.map<Choice>((p) => ({
        workers: p.workers,
        sequential: false,
        ms: p.medianMs,
        ci95: p.ci95,
        source: 'measured',
        evidence: p,
      })),
    ];
    return { candidates, model: null };
  }
  const model = fitTimeModel([
    ...sweep.baseline.map((p) => ({ records: p.records, workers: 1, ms: p.medianMs })),
    ...sweep.points.map((p) => ({ records: p.records, workers: p.workers, ms: p.medianMs })),
  ]);
  const candidates = [1, ...workerCounts.filter((w) => w !== 1)].map<Choice>((workers) => {
    const projection = project(model, records, workers);
    return {
      workers,
      sequential: workers === 1,
      ms: projection.ms,
      ci95: null,
      source: 'model',
      evidence: projection,
    };
  });
  return { candidates, model };
}

/**
 * Recommends the fastest configuration for `records` and the record count below which to
 * stay sequential. Measured points at exactly `records` decide when the baseline and at
 * least one worker count were measured there; otherwise a `fitTimeModel` fit over the
 * whole sweep (baseline as W = 1) projects every measured worker count. The threshold is
 * the earliest break-even (log–log interpolation) of any worker count against the baseline.
 */
export function recommend(sweep: Sweep, records: number): Recommendation {
  requireNonNegative(records, 'records');
  if (sweep.baseline.length === 0) throw new StatsError('empty-input', 'recommend needs baseline points');
  if (sweep.points.length === 0) throw new StatsError('empty-input', 'recommend needs parallel points');
  checkPoints(sweep.baseline, 'baseline');
  checkPoints(sweep.points, 'points');
  if (new Set(sweep.baseline.map((p) => p.records)).size !== sweep.baseline.length) {
    throw new StatsError('duplicate-points', 'baseline has two points at the same record count');
  }

  const workerCounts = [...new Set(sweep.points.map((p) => p.workers))].sort((x, y) => x - y);
  const breakEvens = breakEvensOf(sweep, workerCounts);
  const { candidates, model } = candidatesAt(sweep, records, workerCounts);
  // Ties go to the sequential option, then to fewer workers: parallelism must earn its cost.
  candidates.sort((x, y) => x.ms - y.ms || Number(y.sequential) - Number(x.sequential) || x.workers - y.workers);
  const best = candidates[0];
  const clearWinner =
    best.ci95 !== null &&
    candidates.slice(1).every((c) => c.ci95 !== null && (best.ci95 as [number, number])[1] < c.ci95[0]);

  return {
    records,
    best,
    candidates,
    decidedBy: model === null ? 'measured' : 'model',
    clearWinner,
    model,
    threshold: thresholdFrom(breakEvens),
    breakEvens,
  };
}
