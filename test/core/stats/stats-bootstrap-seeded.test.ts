/**
 * The bootstrap is seeded: the same samples give the same interval in every realm and on
 * every run, so an interval stored in IndexedDB can be recomputed and compared bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESAMPLES, DEFAULT_SEED, mulberry32, speedup, summarize } from '../../../src/core/stats';

const samples = [10.2, 9.8, 10.5, 11.9, 10.1, 9.9, 10.4, 13.0, 10.0, 10.3];

describe('seeded bootstrap', () => {
  it('repeats exactly, and the defaults are the documented seed and resample count', () => {
    const a = summarize(samples);
    expect(summarize(samples).ci95).toEqual(a.ci95);
    expect(summarize(samples, { seed: DEFAULT_SEED, resamples: DEFAULT_RESAMPLES }).ci95).toEqual(a.ci95);
    expect(DEFAULT_RESAMPLES).toBeGreaterThanOrEqual(2000);
    expect(DEFAULT_RESAMPLES).toBeLessThanOrEqual(10000);
  });

  it('changes with the seed but stays within the order statistics around the median', () => {
    const a = summarize(samples, { seed: 1 }).ci95;
    const b = summarize(samples, { seed: 2 }).ci95;
    for (const [lo, hi] of [a, b]) {
      expect(lo).toBeGreaterThanOrEqual(9.8);
      expect(hi).toBeLessThanOrEqual(13.0);
      expect(lo).toBeLessThanOrEqual(10.25);
      expect(hi).toBeGreaterThanOrEqual(10.25);
    }
  });

  it('draws from mulberry32: a fixed seed gives a fixed stream in [0, 1)', () => {
    const r1 = mulberry32(7);
    const r2 = mulberry32(7);
    const xs = Array.from({ length: 1000 }, () => r1());
    expect(Array.from({ length: 1000 }, () => r2())).toEqual(xs);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it('is deterministic for the speedup interval too', () => {
    const parallel = samples.map((x) => x / 1.8);
    expect(speedup(samples, parallel).ci95).toEqual(speedup(samples, parallel).ci95);
  });
});
