import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, fitAmdahl } from '../../../src/core/stats';

const workers = [1, 2, 4, 8, 16];

describe('fitAmdahl', () => {
  it('recovers p from noiseless speedups to 1e-9', () => {
    for (const p of [0, 0.1, 0.5, 0.8, 0.95, 0.999, 1]) {
      const fit = fitAmdahl(workers.map((n) => ({ n, speedup: amdahlSpeedup(p, n) })));
      expect(Math.abs(fit.p - p)).toBeLessThan(1e-9);
      expect(fit.r2).toBeCloseTo(1, 9);
    }
  });

  it('recovers any p in [0, 1] to 1e-9', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (p) => {
        const fit = fitAmdahl(workers.map((n) => ({ n, speedup: amdahlSpeedup(p, n) })));
        expect(Math.abs(fit.p - p)).toBeLessThan(1e-9);
      }),
      { numRuns: 200 },
    );
  });

  it("gives seed 002's ceiling: p = 0.8 → 5×", () => {
    const fit = fitAmdahl([2, 4, 8].map((n) => ({ n, speedup: amdahlSpeedup(0.8, n) })));
    expect(fit.ceiling).toBeCloseTo(5, 9);
    expect(fit.fitted).toHaveLength(3);
  });
});
