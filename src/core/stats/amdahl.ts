/**
 * Amdahl's law (Amdahl, "Validity of the single processor approach to achieving large
 * scale computing capabilities", AFIPS 1967; algebraic form as in Hennessy & Patterson):
 *
 *   S(N) = 1 / ((1 − p) + p/N),  ceiling S(∞) = 1 / (1 − p)
 *
 * p is the fraction of the one-worker time that parallelises perfectly.
 */

import { StatsError, requireFraction, requirePositive, requireWorkers } from './errors';

/** A measured speedup at N workers. */
export interface AmdahlPoint {
  n: number;
  speedup: number;
}

/** Amdahl's p fitted to measured speedups. */
export interface AmdahlFit {
  /** Parallel fraction in [0, 1]. */
  p: number;
  /** 1/(1 − p): the speedup no worker count can exceed; Infinity when p = 1. */
  ceiling: number;
  /** 1 − SSE/SST on the speedups; descriptive only (a one-parameter nonlinear fit). */
  r2: number;
  /** Model speedup at each input point, in input order. */
  fitted: number[];
  /** Sum of squared residuals of the speedups. */
  sse: number;
}

/** Amdahl speedup 1/((1 − p) + p/N) for parallel fraction p on N workers (Amdahl 1967). */
export function amdahlSpeedup(p: number, n: number): number {
  requireFraction(p, 'p');
  requireWorkers(n, 'n');
  return 1 / (1 - p + p / n);
}

/** Amdahl ceiling 1/(1 − p), the limit of S(N) as N → ∞; Infinity when p = 1. */
export function amdahlCeiling(p: number): number {
  requireFraction(p, 'p');
  return p === 1 ? Number.POSITIVE_INFINITY : 1 / (1 - p);
}

function model(p: number, n: number): number {
  return 1 / (1 - p + p / n);
}

function sse(points: readonly AmdahlPoint[], p: number): number {
  let total = 0;
  for (const { n, speedup } of points) {
    const r = speedup - model(p, n);
    total += r * r;
  }
  return total;
}

/** dSSE/dp, using dS/dp = (1 − 1/N) / ((1 − p) + p/N)². */
function sseSlope(points: readonly AmdahlPoint[], p: number): number {
  let slope = 0;
  for (const { n, speedup } of points) {
    const d = 1 - p + p / n;
    slope += -2 * (speedup - 1 / d) * ((1 - 1 / n) / (d * d));
  }
  return slope;
}

/**
 * Fits p ∈ [0, 1] by least squares on the speedups themselves (not on 1/S, which would
 * weight the small speedups most). One bounded dimension, so: a 1001-point grid for the
 * global basin, then bisection on the sign of dSSE/dp between the grid neighbours, which
 * pins a noiseless p to ~1e-15; the bounds 0 and 1 are candidates too.
 */
export function fitAmdahl(points: readonly AmdahlPoint[]): AmdahlFit {
  if (!Array.isArray(points) || points.length === 0) {
    throw new StatsError('empty-input', 'fitAmdahl needs measured points');
  }
  points.forEach((pt, i) => {
    requireWorkers(pt.n, `points[${i}].n`);
    requirePositive(pt.speedup, `points[${i}].speedup`);
  });
  if (!points.some((pt) => pt.n > 1)) {
    throw new StatsError('too-few-points', 'fitAmdahl needs at least one point with n > 1 (at n = 1 every p fits)');
  }

  const steps = 1000;
  let bestK = 0;
  let bestSse = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= steps; k++) {
    const value = sse(points, k / steps);
    if (value < bestSse) {
      bestSse = value;
      bestK = k;
    }
  }
  let lo = Math.max(0, (bestK - 1) / steps);
  let hi = Math.min(1, (bestK + 1) / steps);
  const candidates = [bestK / steps, lo, hi];
  if (sseSlope(points, lo) < 0 && sseSlope(points, hi) > 0) {
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (mid <= lo || mid >= hi) break;
      if (sseSlope(points, mid) < 0) lo = mid;
      else hi = mid;
    }
    candidates.push(lo, hi);
  }
  let p = candidates[0];
  for (const c of candidates) if (sse(points, c) < sse(points, p)) p = c;

  const fitted = points.map((pt) => model(p, pt.n));
  const residualSse = sse(points, p);
  const mean = points.reduce((acc, pt) => acc + pt.speedup, 0) / points.length;
  const sst = points.reduce((acc, pt) => acc + (pt.speedup - mean) ** 2, 0);
  return {
    p,
    ceiling: amdahlCeiling(p),
    // A single distinct speedup has no variance to explain: a perfect fit is 1, any miss 0.
    r2: sst > 0 ? 1 - residualSse / sst : residualSse === 0 ? 1 : 0,
    fitted,
    sse: residualSse,
  };
}
