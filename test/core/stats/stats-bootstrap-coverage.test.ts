/**
 * The speedup's 95 % interval (percentile bootstrap of a ratio of medians, each side
 * resampled on its own) covers the true ratio about 95 % of the time at small n: seeded
 * simulations from known distributions, the true ratio of medians set by construction.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32, speedup } from '../../../src/core/stats';

/** Standard normal by Box–Muller from a seeded uniform source. */
function normal(rng: () => number): number {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/**
 * n run times `scaleMs · exp(σ·Z)`, each made 3× slower with probability `outlierShare`.
 * Scaling one side by c scales its population median by exactly c, whatever the shape.
 */
function times(rng: () => number, n: number, scaleMs: number, sigma: number, outlierShare: number): number[] {
  return Array.from({ length: n }, () => scaleMs * Math.exp(sigma * normal(rng)) * (rng() < outlierShare ? 3 : 1));
}

/** Share of `sims` seeded experiments whose interval holds the true speedup, and the mean ln-width. */
function coverage(n: number, sigma: number, outlierShare: number, sims: number): { covered: number; meanLogWidth: number } {
  const trueSpeedup = 1.5;
  const rng = mulberry32(1000 + n);
  let hits = 0;
  let logWidth = 0;
  for (let s = 0; s < sims; s++) {
    const baselineMs = times(rng, n, 100 * trueSpeedup, sigma, outlierShare);
    const parallelMs = times(rng, n, 100, sigma, outlierShare);
    const [lo, hi] = speedup(baselineMs, parallelMs, { resamples: 1000, seed: s + 1 }).ci95;
    if (lo <= trueSpeedup && trueSpeedup <= hi) hits++;
    logWidth += Math.log(hi / lo);
  }
  return { covered: hits / sims, meanLogWidth: logWidth / sims };
}

// 400 simulations: the standard error of a 95 % coverage estimate is √(0.95·0.05/400) ≈ 1.1 %,
// so the tolerance is 95 % − 2 points (about 2 SE, the side that would make a false claim)
// and + 4 points (an interval much wider than needed is calibrated but useless).
const SIMS = 400;
const LOW = 0.93;
const HIGH = 0.99;

describe('coverage of the speedup interval at small n', () => {
  for (const [name, sigma, outliers] of [
    ['lognormal (σ = 0.3)', 0.3, 0],
    ['lognormal (σ = 0.3) with 10 % of runs 3× slower', 0.3, 0.1],
  ] as const) {
    for (const n of [5, 9, 15]) {
      it(`${name}, n = ${n}: within ${LOW * 100}–${HIGH * 100} %`, () => {
        const { covered } = coverage(n, sigma, outliers, SIMS);
        expect(covered).toBeGreaterThanOrEqual(LOW);
        expect(covered).toBeLessThanOrEqual(HIGH);
      });
    }
  }
});
