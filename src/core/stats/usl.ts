/**
 * Universal Scalability Law (Gunther, "Guerrilla Capacity Planning", Springer 2007, ch. 4):
 *
 *   X(N) = λ·N / (1 + σ·(N − 1) + κ·N·(N − 1))
 *
 * σ (contention) caps throughput like Amdahl's serial fraction; κ (coherency) makes it
 * fall again past a peak — the model behind "4 workers slower than 2".
 *
 * The fit follows the current R `usl` package (Möding, CRAN, ≥ 2.0; there σ, κ, λ are
 * called alpha, beta, gamma): nonlinear least squares on the RAW throughputs with all three
 * parameters free, σ, κ ∈ [0, 1], λ ≥ 0, and no N = 1 measurement required — not the older
 * method that normalised by X(1) and fitted a quadratic. N is any load > 0 (fractional loads
 * such as average active sessions included): λ, the throughput at N = 1, is always a fitted
 * parameter, never read off a row. For σ, κ ∈ [0, 1] and N > 0 the denominator is
 * ≥ 1 − (1 − N) − N(1 − N) = N² > 0 when N < 1, so the model is defined on the whole range.
 */

import { StatsError, requireLoad, requireNonNegative } from './errors';
import { solveLeastSquares } from './linear-algebra';

/** One measurement: throughput (any unit per unit time, e.g. recordsPerSec) at a load of N > 0 (workers, or an average load). */
export interface UslPoint {
  n: number;
  throughput: number;
}

/** USL coefficients: contention σ, coherency κ, and λ = throughput of one worker in the data's unit. */
export interface UslParams {
  sigma: number;
  kappa: number;
  lambda: number;
}

/** A fitted USL model. */
export interface UslFit extends UslParams {
  /** N* = √((1 − σ)/κ), where X(N) peaks; null when κ = 0 or σ ≥ 1 (no interior peak). */
  peakN: number | null;
  /** X at N*, or null when there is no peak. */
  peakThroughput: number | null;
  /** Model throughput at each input point, in input order. */
  fitted: number[];
  /** 1 − SSE/SST on the raw throughputs (as `summary()` in R `usl` prints it); descriptive only. */
  r2: number;
  /** Sum of squared residuals at the optimum. */
  sse: number;
}

/** X(N) = λN / (1 + σ(N − 1) + κN(N − 1)) (Gunther 2007, ch. 4). */
export function uslThroughput(params: UslParams, n: number): number {
  requireLoad(n, 'n');
  return (params.lambda * n) / (1 + params.sigma * (n - 1) + params.kappa * n * (n - 1));
}

/**
 * Location of the maximum of X(N): dX/dN = 0 ⇔ 1 − σ − κN² = 0 ⇔ N* = √((1 − σ)/κ)
 * (Gunther 2007, ch. 4). No interior maximum when κ = 0 (X rises towards λ/σ) or σ ≥ 1.
 */
export function uslPeakN(sigma: number, kappa: number): number | null {
  return kappa > 0 && sigma < 1 ? Math.sqrt((1 - sigma) / kappa) : null;
}

type Theta = [sigma: number, kappa: number, lambda: number];
const UPPER: Theta = [1, 1, Number.POSITIVE_INFINITY];

interface Data {
  n: Float64Array;
  x: Float64Array;
}

function sseAt(data: Data, [sigma, kappa, lambda]: Theta): number {
  let sse = 0;
  for (let i = 0; i < data.n.length; i++) {
    const n = data.n[i];
    const r = data.x[i] - (lambda * n) / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    sse += r * r;
  }
  return sse;
}

/**
 * For fixed (σ, κ) the model is linear in λ, so the best λ is closed-form:
 * λ* = Σ gᵢXᵢ / Σ gᵢ² with gᵢ = Nᵢ/Dᵢ (variable projection, Golub & Pereyra, SIAM J. Numer.
 * Anal. 10(2), 1973). λ* ≥ 0 automatically because gᵢ > 0 and Xᵢ ≥ 0.
 */
function bestLambda(data: Data, sigma: number, kappa: number): number {
  let sgx = 0;
  let sgg = 0;
  for (let i = 0; i < data.n.length; i++) {
    const n = data.n[i];
    const g = n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    sgx += g * data.x[i];
    sgg += g * g;
  }
  return sgx / sgg;
}

/** Log-spaced grid from 10^fromExp to 10^toExp with `perDecade` points per decade, plus 0. */
function gridWithZero(fromExp: number, toExp: number, perDecade: number): number[] {
  const values = [0];
  const steps = (toExp - fromExp) * perDecade;
  for (let k = 0; k <= steps; k++) values.push(10 ** (fromExp + k / perDecade));
  return values;
}

/**
 * Bounded Levenberg–Marquardt (Levenberg 1944; Marquardt, J. SIAM 11(2), 1963, with his
 * diag(JᵀJ) scaling) on r = X − f(θ). Bounds by projection with an active set: a parameter
 * sitting on a bound whose gradient points outward is held there for that step. `fixed`
 * pins parameters (used to search the edges σ = 0 and κ = 0 exactly). Each step solves the
 * damped system [J; √μ·D]·δ ≈ [r; 0] by QR. Stops when no step can lower the SSE any more
 * (μ grows past 1e16), i.e. at a local minimum to machine precision.
 */
function levenbergMarquardt(data: Data, start: Theta, fixed: readonly boolean[]): { theta: Theta; sse: number } {
  const m = data.n.length;
  const clamp = (t: Theta): Theta => [
    Math.min(Math.max(t[0], 0), UPPER[0]),
    Math.min(Math.max(t[1], 0), UPPER[1]),
    Math.max(t[2], 0),
  ];
  let theta = clamp(start);
  let sse = sseAt(data, theta);
  let mu = 1e-3;
  const residual = new Float64Array(m);
  const jac: number[][] = Array.from({ length: m }, () => [0, 0, 0]);

  for (let iter = 0; iter < 1000 && mu < 1e16; iter++) {
    const [sigma, kappa, lambda] = theta;
    for (let i = 0; i < m; i++) {
      const n = data.n[i];
      const d = 1 + sigma * (n - 1) + kappa * n * (n - 1);
      residual[i] = data.x[i] - (lambda * n) / d;
      // ∂f/∂σ, ∂f/∂κ, ∂f/∂λ of f = λN/D.
      jac[i][0] = (-lambda * n * (n - 1)) / (d * d);
      jac[i][1] = (-lambda * n * n * (n - 1)) / (d * d);
      jac[i][2] = n / d;
    }
    const free: number[] = [];
    const colNorm: number[] = [];
    for (let j = 0; j < 3; j++) {
      if (fixed[j]) continue;
      let grad = 0;
      let normSq = 0;
      for (let i = 0; i < m; i++) {
        grad += jac[i][j] * residual[i];
        normSq += jac[i][j] * jac[i][j];
      }
      // −2·grad is ∂SSE/∂θⱼ; a bound is active when descent would leave the box.
      if (theta[j] <= 0 && grad <= 0) continue;
      if (theta[j] >= UPPER[j] && grad >= 0) continue;
      if (normSq === 0) continue;
      free.push(j);
      colNorm.push(Math.sqrt(normSq));
    }
    if (free.length === 0) break;

    const rows: number[][] = [];
    const rhs: number[] = [];
    for (let i = 0; i < m; i++) {
      rows.push(free.map((j) => jac[i][j]));
      rhs.push(residual[i]);
    }
    const root = Math.sqrt(mu);
    free.forEach((_, k) => {
      const row = new Array<number>(free.length).fill(0);
      row[k] = root * colNorm[k];
      rows.push(row);
      rhs.push(0);
    });
    const step = solveLeastSquares(rows, rhs);
    if (step === null) {
      mu *= 10;
      continue;
    }
    const trial: Theta = [...theta];
    free.forEach((j, k) => {
      trial[j] += step[k];
    });
    const clamped = clamp(trial);
    const trialSse = sseAt(data, clamped);
    if (trialSse < sse) {
      theta = clamped;
      sse = trialSse;
      mu = Math.max(mu / 3, 1e-12);
    } else {
      mu *= 10;
    }
  }
  return { theta, sse };
}

/**
 * Fits the USL to raw throughputs by least squares, σ, κ ∈ [0, 1], λ ≥ 0, as the R `usl`
 * package does (see file header). Search: a log-spaced (σ, κ) grid with λ profiled out,
 * then bounded Levenberg–Marquardt from the three best grid points and along the edges
 * σ = 0, κ = 0 and the corner σ = κ = 0; the lowest SSE wins. Needs ≥ 3 distinct N.
 */
export function fitUsl(points: readonly UslPoint[]): UslFit {
  if (!Array.isArray(points) || points.length === 0) {
    throw new StatsError('empty-input', 'fitUsl needs measured points');
  }
  points.forEach((p, i) => {
    requireLoad(p.n, `points[${i}].n`);
    requireNonNegative(p.throughput, `points[${i}].throughput`);
  });
  const distinct = new Set(points.map((p) => p.n)).size;
  if (distinct < 3) {
    throw new StatsError(
      'too-few-points',
      `fitUsl needs at least 3 distinct loads N to determine σ, κ and λ, got ${distinct}`,
    );
  }
  if (points.every((p) => p.throughput === 0)) {
    throw new StatsError('degenerate-data', 'every throughput is 0: any σ and κ fit equally well');
  }
  const data: Data = {
    n: Float64Array.from(points, (p) => p.n),
    x: Float64Array.from(points, (p) => p.throughput),
  };

  // Coarse grid over the box; κ's grid reaches far lower than σ's because κ multiplies N².
  const sigmas = gridWithZero(-6, 0, 8);
  const kappas = gridWithZero(-12, 0, 8);
  const scored: { theta: Theta; sse: number }[] = [];
  for (const sigma of sigmas) {
    for (const kappa of kappas) {
      const theta: Theta = [sigma, kappa, bestLambda(data, sigma, kappa)];
      scored.push({ theta, sse: sseAt(data, theta) });
    }
  }
  scored.sort((a, b) => a.sse - b.sse);
  const bestOnEdge = (pick: (t: Theta) => boolean): Theta => scored.find((s) => pick(s.theta))?.theta ?? [0, 0, 0];

  const candidates = [
    ...scored.slice(0, 3).map((s) => levenbergMarquardt(data, s.theta, [false, false, false])),
    levenbergMarquardt(data, bestOnEdge((t) => t[0] === 0), [true, false, false]),
    levenbergMarquardt(data, bestOnEdge((t) => t[1] === 0), [false, true, false]),
    levenbergMarquardt(data, [0, 0, bestLambda(data, 0, 0)], [true, true, false]),
  ];
  let best = candidates[0];
  for (const c of candidates) if (c.sse < best.sse) best = c;

  const [sigma, kappa, lambda] = best.theta;
  const params = { sigma, kappa, lambda };
  const fitted = points.map((p) => uslThroughput(params, p.n));
  let mean = 0;
  for (const x of data.x) mean += x;
  mean /= data.x.length;
  let sst = 0;
  for (const x of data.x) sst += (x - mean) * (x - mean);
  const peakN = uslPeakN(sigma, kappa);
  return {
    sigma,
    kappa,
    lambda,
    peakN,
    peakThroughput: peakN === null ? null : uslThroughput(params, peakN),
    fitted,
    // Equal throughputs everywhere leave nothing to explain: call a perfect fit 1, any miss 0.
    r2: sst > 0 ? 1 - best.sse / sst : best.sse === 0 ? 1 : 0,
    sse: best.sse,
  };
}
