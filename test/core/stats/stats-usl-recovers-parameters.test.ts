/**
 * fitUsl on noiseless synthetic throughputs returns the parameters that made them.
 * σ and κ are drawn either exactly 0 (the box edges, which the fit must hit exactly) or
 * from ranges whose effect on X is well above rounding: a κ of 1e-12 changes X(64) by
 * ~4e-9 relative and is not identifiable in double precision at 1e-6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitUsl, uslThroughput } from '../../../src/core/stats';

const designs = [
  [1, 2, 4, 8, 16, 32],
  [2, 4, 8, 16, 32, 64], // no N = 1 point: the fit must not need one
  [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64],
];

const close = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= 1e-6 * Math.abs(expected) + 1e-12;

describe('fitUsl recovers σ, κ, λ from noiseless data', () => {
  it('within 1e-6 relative over σ ∈ [0, 0.3], κ ∈ [0, 0.01], λ > 0', () => {
    const sigma = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 0.3, noNaN: true }));
    const kappa = fc.oneof(fc.constant(0), fc.double({ min: 1e-5, max: 0.01, noNaN: true }));
    const lambda = fc.double({ min: 0.1, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(sigma, kappa, lambda, fc.constantFrom(...designs), (s, k, l, ns) => {
        const params = { sigma: s, kappa: k, lambda: l };
        const fit = fitUsl(ns.map((n) => ({ n, throughput: uslThroughput(params, n) })));
        expect(close(fit.sigma, s), `σ ${fit.sigma} vs ${s}`).toBe(true);
        expect(close(fit.kappa, k), `κ ${fit.kappa} vs ${k}`).toBe(true);
        expect(close(fit.lambda, l), `λ ${fit.lambda} vs ${l}`).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
