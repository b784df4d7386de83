/** Amdahl, Karp–Flatt and the USL on loads N > 0: fractional, all below 1, no N = 1 point; λ always fitted. */
import { describe, expect, it } from 'vitest';
import { StatsError, amdahlSpeedup, fitAmdahlThroughput, fitUsl, karpFlatt, uslThroughput } from '../../../src/core/stats';

const USL = { sigma: 0.05, kappa: 0.002, lambda: 100 };
const rel = (got: number, want: number) => Math.abs(got / want - 1);

describe('fits on any positive load', () => {
  it('recovers σ, κ, λ of the USL from fractional loads with no N = 1 point', () => {
    const ns = [0.25, 0.5, 0.75, 1.5, 2.5, 4, 8, 16];
    const fit = fitUsl(ns.map((n) => ({ n, throughput: uslThroughput(USL, n) })));
    expect(rel(fit.sigma, USL.sigma)).toBeLessThan(1e-6);
    expect(rel(fit.kappa, USL.kappa)).toBeLessThan(1e-6);
    expect(rel(fit.lambda, USL.lambda)).toBeLessThan(1e-6);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('recovers the USL from loads that are all below 1', () => {
    const params = { sigma: 0.3, kappa: 0.2, lambda: 40 };
    const ns = [0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95];
    const fit = fitUsl(ns.map((n) => ({ n, throughput: uslThroughput(params, n) })));
    expect(rel(fit.sigma, params.sigma)).toBeLessThan(1e-5);
    expect(rel(fit.kappa, params.kappa)).toBeLessThan(1e-5);
    expect(rel(fit.lambda, params.lambda)).toBeLessThan(1e-6);
  });

  it('recovers the USL from repeated fractional loads', () => {
    const ns = [0.5, 0.5, 1.5, 1.5, 3, 3, 6];
    const fit = fitUsl(ns.map((n) => ({ n, throughput: uslThroughput(USL, n) })));
    expect(rel(fit.sigma, USL.sigma)).toBeLessThan(1e-6);
    expect(rel(fit.kappa, USL.kappa)).toBeLessThan(1e-6);
    expect(rel(fit.lambda, USL.lambda)).toBeLessThan(1e-6);
  });

  it('recovers Amdahl’s p and λ from fractional loads, all below 1 included', () => {
    for (const ns of [
      [0.25, 0.5, 0.75, 1.5],
      [0.2, 0.4, 0.6, 0.8],
    ]) {
      const fit = fitAmdahlThroughput(ns.map((n) => ({ n, throughput: 50 * amdahlSpeedup(0.8, n) })));
      expect(fit.p).toBeCloseTo(0.8, 9);
      expect(fit.lambda).toBeCloseTo(50, 7);
      expect(fit.ceiling).toBeCloseTo(5, 7);
    }
  });

  it('gives Karp–Flatt’s e = 1 − p below N = 1 too', () => {
    for (const n of [0.25, 0.5, 0.75, 1.5, 4]) expect(karpFlatt(amdahlSpeedup(0.8, n), n)).toBeCloseTo(0.2, 12);
    expect(karpFlatt(1.3, 1)).toBeUndefined();
  });

  it('refuses N ≤ 0, naming the point', () => {
    const points = [
      { n: 0.5, throughput: 10 },
      { n: 1.5, throughput: 20 },
      { n: 0, throughput: 25 },
    ];
    expect(() => fitUsl(points)).toThrow(new StatsError('load-not-positive', 'points[2].n must be > 0 (a worker count or an average load such as 0.5), got 0'));
    expect(() => fitAmdahlThroughput([{ n: -0.5, throughput: 1 }, ...points.slice(0, 2)])).toThrow(/points\[0\]\.n must be > 0/);
    expect(() => fitAmdahlThroughput([{ n: 0.5, throughput: 1 }])).toThrow(/at least 2 distinct loads/);
  });
});
