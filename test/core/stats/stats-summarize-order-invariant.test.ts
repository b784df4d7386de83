import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/stats';

describe('summarize is invariant to sample order', () => {
  it('gives an identical summary (CI included) for any permutation', () => {
    const samplesAndPermutation = fc
      .array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 })
      .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));
    fc.assert(
      fc.property(samplesAndPermutation, ([xs, shuffled]) => {
        expect(summarize(shuffled, { resamples: 500 })).toEqual(summarize(xs, { resamples: 500 }));
      }),
      { numRuns: 100 },
    );
  });
});
