/**
 * Intervals are remembered by (resamples, seed, samples) so a streaming run does not redraw
 * every point's 5,000 resamples at each refresh. A remembered interval must be the one a fresh
 * draw gives, for exactly those samples, and handing it out must not let a caller change it.
 */
import { describe, expect, it } from 'vitest';
import { bootstrapMedianCi, bootstrapRatioOfMediansCi } from '../../../src/core/stats/bootstrap';
import { sortAscending } from '../../../src/core/stats';

describe('remembered bootstrap intervals', () => {
  it('equal samples in new arrays get the same interval; mutating a result changes nothing', () => {
    const first = bootstrapMedianCi(sortAscending([3, 1, 4, 1, 5, 9, 2, 6]));
    first[0] = -1;
    first[1] = -1;
    const again = bootstrapMedianCi(sortAscending([1, 1, 2, 3, 4, 5, 6, 9]));
    expect(again[0]).toBeGreaterThanOrEqual(1);
    expect(again[1]).toBeLessThanOrEqual(9);
    expect(bootstrapMedianCi(sortAscending([9, 6, 5, 4, 3, 2, 1, 1]))).toEqual(again);
  });

  it('a sample that differs in the last digit is a different key', () => {
    const a = bootstrapMedianCi(sortAscending([1, 2, 3, 4]));
    const b = bootstrapMedianCi(sortAscending([1, 2, 3, 4.000000000000001]));
    expect(a[1]).toBe(4);
    expect(b[1]).toBe(4.000000000000001);
  });

  it('seed, resample count and the side of a ratio are part of the key', () => {
    const x = sortAscending([10, 11, 12, 13, 14]);
    const y = sortAscending([20, 21, 22, 23, 24]);
    // With only 100 resamples the upper tail of this sample depends on the draw (values pinned
    // from uncached first calls): a key without the seed or the count would return the wrong one.
    const s = sortAscending([1, 2, 4, 8, 16, 32]);
    expect(bootstrapMedianCi(s, { seed: 2, resamples: 100 })[1]).toBeCloseTo(18.1, 10);
    expect(bootstrapMedianCi(s, { seed: 1, resamples: 100 })).toEqual([1.5, 24]);
    expect(bootstrapMedianCi(s, { seed: 2, resamples: 101 })).toEqual([1.5, 18]);
    expect(bootstrapMedianCi(s, { seed: 2, resamples: 100 })[1]).toBeCloseTo(18.1, 10);
    const xy = bootstrapRatioOfMediansCi(x, y);
    const yx = bootstrapRatioOfMediansCi(y, x);
    expect(xy[1]).toBeLessThan(1);
    expect(yx[0]).toBeGreaterThan(1);
  });

  it('stays bounded: 3,000 different sample sets still give fresh, correct intervals', () => {
    for (let k = 0; k < 3000; k++) {
      const [lo, hi] = bootstrapMedianCi(sortAscending([k, k + 1, k + 2]));
      expect(lo).toBeGreaterThanOrEqual(k);
      expect(hi).toBeLessThanOrEqual(k + 2);
    }
  });
});
