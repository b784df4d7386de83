import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { speedup } from '../../../src/core/stats';

describe('speedup of a configuration against itself', () => {
  it('is exactly 1 with a 95 % CI that contains 1', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-3, max: 1e5, noNaN: true }), { minLength: 1, maxLength: 30 }), (ms) => {
        const s = speedup(ms, ms, { resamples: 2000 });
        expect(s.ratio).toBe(1);
        expect(s.ci95[0]).toBeLessThanOrEqual(1);
        expect(s.ci95[1]).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});
