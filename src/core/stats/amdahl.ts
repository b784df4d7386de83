/**
 * Amdahl's law (Amdahl, "Validity of the single processor approach to achieving large
 * scale computing capabilities", AFIPS 1967; algebraic form as in Hennessy & Patterson):
 *
 *   S(N) = 1 / ((1 − p) + p/N),  ceiling S(∞) = 1 / (1 − p)
 *
 * p is the fraction of the one-worker time that parallelises perfectly. N is any load > 0:
 * the law is continuous in N, and loads measured as average active sessions are fractional.
 */

import { StatsError, requireFraction, requireLoad, requireNonNegative, requirePositive } from './errors';

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

/** Amdahl speedup 1/((1 − p) + p/N) for parallel fraction p at a load of N > 0 (Amdahl 1967). */
export function amdahlSpeedup(p: number, n: number): number {
  requireFraction(p, 'p');
  requireLoad(n, 'n');
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
    requireLoad(pt.n, `points[${i}].n`);
    requirePositive(pt.speedup, `points[${i}].speedup`);
  });
  if (!points.some((pt) => pt.n !== 1)) {
    throw new StatsError('too-few-points', 'fitAmdahl needs at least one point with n ≠ 1 (at n = 1 every p fits)');
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

/** One measurement for the throughput form: throughput (any unit) at a load of N > 0. */
export interface AmdahlThroughputPoint {
  n: number;
  throughput: number;
}

/** Amdahl's law fitted to raw throughputs, with the one-worker throughput λ a parameter. */
export interface AmdahlThroughputFit {
  /** Parallel fraction in [0, 1]. */
  p: number;
  /** Fitted throughput at N = 1, in the data's unit (never read off a row). */
  lambda: number;
  /** 1/(1 − p): the highest speedup over N = 1; Infinity when p = 1. */
  ceiling: number;
  /** 1 − SSE/SST on the throughputs; descriptive only. */
  r2: number;
  /** Model throughput λ·S(N) at each input point, in input order. */
  fitted: number[];
  /** Sum of squared residuals of the throughputs. */
  sse: number;
}

/** g(N) = S(N) = N / ((1 − p)·N + p): the model throughput per unit of λ. */
function gain(p: number, n: number): number {
  return n / ((1 - p) * n + p);
}

/** For fixed p the model λ·g(N) is linear in λ: λ* = Σ gᵢXᵢ / Σ gᵢ² (≥ 0 since gᵢ > 0, Xᵢ ≥ 0). */
function profiledLambda(points: readonly AmdahlThroughputPoint[], p: number): number {
  let sgx = 0;
  let sgg = 0;
  for (const { n, throughput } of points) {
    const g = gain(p, n);
    sgx += g * throughput;
    sgg += g * g;
  }
  return sgx / sgg;
}

function profiledSse(points: readonly AmdahlThroughputPoint[], p: number): number {
  const lambda = profiledLambda(points, p);
  let total = 0;
  for (const { n, throughput } of points) {
    const r = throughput - lambda * gain(p, n);
    total += r * r;
  }
  return total;
}

/**
 * Fits X(N) = λ / ((1 − p) + p/N) to raw throughputs by least squares, p ∈ [0, 1], λ ≥ 0,
 * for any loads N > 0 — no N = 1 row needed, none assumed: λ is fitted like the USL's λ
 * (Amdahl is the USL with κ = 0 and σ = 1 − p). λ is profiled out in closed form, p is
 * found on a 1001-point grid and refined by golden-section search between the grid
 * neighbours (to ~1e-15 in p). Needs ≥ 2 distinct N (two parameters).
 */
export function fitAmdahlThroughput(points: readonly AmdahlThroughputPoint[]): AmdahlThroughputFit {
  if (!Array.isArray(points) || points.length === 0) {
    throw new StatsError('empty-input', 'fitAmdahlThroughput needs measured points');
  }
  points.forEach((pt, i) => {
    requireLoad(pt.n, `points[${i}].n`);
    requireNonNegative(pt.throughput, `points[${i}].throughput`);
  });
  const distinct = new Set(points.map((pt) => pt.n)).size;
  if (distinct < 2) {
    throw new StatsError('too-few-points', `fitAmdahlThroughput needs at least 2 distinct loads N to determine p and λ, got ${distinct}`);
  }
  if (points.every((pt) => pt.throughput === 0)) {
    throw new StatsError('degenerate-data', 'every throughput is 0: any p fits equally well');
  }

  const steps = 1000;
  let bestK = 0;
  let bestSse = Number.POSITIVE_INFINITY;
  for (let k = 0; k <= steps; k++) {
    const value = profiledSse(points, k / steps);
    if (value < bestSse) {
      bestSse = value;
      bestK = k;
    }
  }
  // Golden-section search on [p − 1/steps, p + 1/steps]: the profile is smooth and unimodal there.
  let lo = Math.max(0, (bestK - 1) / steps);
  let hi = Math.min(1, (bestK + 1) / steps);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let b = lo + phi * (hi - lo);
  let fa = profiledSse(points, a);
  let fb = profiledSse(points, b);
  for (let i = 0; i < 200 && hi - lo > 1e-16; i++) {
    if (fa <= fb) {
      hi = b;
      b = a;
      fb = fa;
      a = hi - phi * (hi - lo);
      fa = profiledSse(points, a);
    } else {
      lo = a;
      a = b;
      fa = fb;
      b = lo + phi * (hi - lo);
      fb = profiledSse(points, b);
    }
  }
  let p = bestK / steps;
  for (const c of [lo, hi, a, b]) if (profiledSse(points, c) < profiledSse(points, p)) p = c;

  const lambda = profiledLambda(points, p);
  const fitted = points.map((pt) => lambda * gain(p, pt.n));
  let residualSse = 0;
  points.forEach((pt, i) => {
    residualSse += (pt.throughput - fitted[i]) ** 2;
  });
  const mean = points.reduce((acc, pt) => acc + pt.throughput, 0) / points.length;
  const sst = points.reduce((acc, pt) => acc + (pt.throughput - mean) ** 2, 0);
  return {
    p,
    lambda,
    ceiling: amdahlCeiling(p),
    r2: sst > 0 ? 1 - residualSse / sst : residualSse === 0 ? 1 : 0,
    fitted,
    sse: residualSse,
  };
}
