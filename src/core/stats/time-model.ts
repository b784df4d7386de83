/**
 * A small, explicit model of run time over record count R and worker count W, fitted to
 * measurements so a projection table (seed 003's "200 M records on 8/16/32 workers") can
 * be filled in — and always labelled as a model, never as a measurement:
 *
 *   T(R, W) = fixedMs + perWorkerMs·W + R·(serialMsPerRecord + parallelMsPerRecord / W)
 *
 * The per-record part is Amdahl's law over workers (parallel fraction of the per-record
 * work p = parallel / (serial + parallel)); the W-proportional term is the cost of spawning
 * and feeding each worker, which is what makes small inputs slower on more workers.
 * It has no coherency (κ) term: retrograde scaling from contention is fitUsl's job.
 */

import { StatsError, requireNonNegative, requirePositiveTime, requireWorkers } from './errors';
import { solveLeastSquares } from './linear-algebra';

/** One measured configuration: median time in ms for `records` records on `workers` workers. */
export interface TimePoint {
  records: number;
  workers: number;
  ms: number;
}

/** Fitted coefficients of T(R, W) (all ≥ 0) and how well they reproduce the measurements. */
export interface TimeModel {
  kind: 'amdahl-with-overheads';
  fixedMs: number;
  perWorkerMs: number;
  serialMsPerRecord: number;
  parallelMsPerRecord: number;
  /** Amdahl p of the per-record work, parallel / (serial + parallel); 0 when both are 0. */
  parallelFraction: number;
  /** Root-mean-square of (model − measured) / measured over the fitted points. */
  rmsRelativeError: number;
  /** Largest |model − measured| / measured over the fitted points. */
  maxRelativeError: number;
  /** Smallest and largest record count measured: projections outside are extrapolations. */
  recordsRange: [number, number];
  /** Smallest and largest worker count measured. */
  workersRange: [number, number];
  /** Number of points fitted. */
  pointCount: number;
}

/** A predicted time. `isModel` is always true so no UI can show it as a measurement. */
export interface Projection {
  isModel: true;
  records: number;
  workers: number;
  ms: number;
  /** records / seconds; 0 for 0 records. */
  recordsPerSec: number;
  /** Model T(R, 1) / T(R, W). */
  speedupVsOneWorker: number;
  /** True when records or workers lie outside the measured ranges. */
  extrapolated: boolean;
  breakdown: { fixedMs: number; workerOverheadMs: number; serialMs: number; parallelMs: number };
}

type Coefficients = [fixed: number, perWorker: number, serial: number, parallel: number];

function features(records: number, workers: number): Coefficients {
  return [1, workers, records, records / workers];
}

/**
 * Fits T(R, W) by non-negative least squares on RELATIVE errors (each residual divided
 * by the measured ms), so a 10-record run in 2 ms counts as much as a 10⁶-record run in
 * 2 s. With only four coefficients the exact NNLS optimum is found by trying every subset
 * of free coefficients and keeping the best non-negative one (Lawson & Hanson, "Solving
 * Least Squares Problems", 1974, ch. 23: the optimum is the unconstrained fit on its own
 * free set). Needs ≥ 2 distinct record counts and ≥ 2 distinct worker counts.
 */
export function fitTimeModel(points: readonly TimePoint[]): TimeModel {
  if (!Array.isArray(points) || points.length === 0) {
    throw new StatsError('empty-input', 'fitTimeModel needs measured points');
  }
  points.forEach((p, i) => {
    requireNonNegative(p.records, `points[${i}].records`);
    requireWorkers(p.workers, `points[${i}].workers`);
    requirePositiveTime(p.ms, `points[${i}].ms`);
  });
  const distinctRecords = new Set(points.map((p) => p.records)).size;
  const distinctWorkers = new Set(points.map((p) => p.workers)).size;
  if (distinctRecords < 2 || distinctWorkers < 2) {
    throw new StatsError(
      'too-few-points',
      'fitTimeModel needs ≥ 2 distinct record counts and ≥ 2 distinct worker counts, ' +
        `got ${distinctRecords} and ${distinctWorkers}`,
    );
  }

  let best: { coef: Coefficients; sse: number } | null = null;
  // Subsets in order of size, so on a tie the simpler model is kept.
  const subsets = Array.from({ length: 15 }, (_, i) => i + 1).sort(
    (x, y) => popcount(x) - popcount(y) || x - y,
  );
  for (const mask of subsets) {
    const cols = [0, 1, 2, 3].filter((j) => (mask >> j) & 1);
    if (cols.length > points.length) continue;
    const rows = points.map((p) => {
      const f = features(p.records, p.workers);
      return cols.map((j) => f[j] / p.ms);
    });
    const solution = solveLeastSquares(rows, new Array<number>(points.length).fill(1));
    if (solution === null || solution.some((c) => c < 0)) continue;
    const coef: Coefficients = [0, 0, 0, 0];
    cols.forEach((j, k) => {
      coef[j] = solution[k];
    });
    const sse = points.reduce((acc, p) => acc + (predict(coef, p.records, p.workers) / p.ms - 1) ** 2, 0);
    if (best === null || sse < best.sse) best = { coef, sse };
  }
  if (best === null) {
    // Unreachable for valid input: the constant model alone is always a non-negative fit.
    throw new StatsError('degenerate-data', 'no non-negative time model fits these points');
  }

  const [fixedMs, perWorkerMs, serialMsPerRecord, parallelMsPerRecord] = best.coef;
  const relErrors = points.map((p) => predict(best.coef, p.records, p.workers) / p.ms - 1);
  const perRecord = serialMsPerRecord + parallelMsPerRecord;
  return {
    kind: 'amdahl-with-overheads',
    fixedMs,
    perWorkerMs,
    serialMsPerRecord,
    parallelMsPerRecord,
    parallelFraction: perRecord > 0 ? parallelMsPerRecord / perRecord : 0,
    rmsRelativeError: Math.sqrt(best.sse / points.length),
    maxRelativeError: Math.max(...relErrors.map(Math.abs)),
    recordsRange: [Math.min(...points.map((p) => p.records)), Math.max(...points.map((p) => p.records))],
    workersRange: [Math.min(...points.map((p) => p.workers)), Math.max(...points.map((p) => p.workers))],
    pointCount: points.length,
  };
}

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v > 0; v >>= 1) count += v & 1;
  return count;
}

function predict(coef: Coefficients, records: number, workers: number): number {
  const f = features(records, workers);
  return coef[0] * f[0] + coef[1] * f[1] + coef[2] * f[2] + coef[3] * f[3];
}

/** Predicted time for `records` on `workers` from a fitted model — a model value, flagged `isModel: true`. */
export function project(model: TimeModel, records: number, workers: number): Projection {
  requireNonNegative(records, 'records');
  requireWorkers(workers);
  const breakdown = {
    fixedMs: model.fixedMs,
    workerOverheadMs: model.perWorkerMs * workers,
    serialMs: model.serialMsPerRecord * records,
    parallelMs: (model.parallelMsPerRecord * records) / workers,
  };
  const ms = breakdown.fixedMs + breakdown.workerOverheadMs + breakdown.serialMs + breakdown.parallelMs;
  const oneWorkerMs =
    model.fixedMs + model.perWorkerMs + (model.serialMsPerRecord + model.parallelMsPerRecord) * records;
  const [rMin, rMax] = model.recordsRange;
  const [wMin, wMax] = model.workersRange;
  return {
    isModel: true,
    records,
    workers,
    ms,
    recordsPerSec: records === 0 || ms === 0 ? 0 : (records / ms) * 1000,
    speedupVsOneWorker: ms > 0 ? oneWorkerMs / ms : 1,
    extrapolated: records < rMin || records > rMax || workers < wMin || workers > wMax,
    breakdown,
  };
}
