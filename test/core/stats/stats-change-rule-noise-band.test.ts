/** The "did it change?" rule: faster / slower only outside the noise band with an interval that excludes 1. */
import { describe, expect, it } from 'vitest';
import { describeSpeedup } from '../../../src/core/experiment/compare';
import { judgeChange, NOISE_BAND, speedup } from '../../../src/core/stats';

describe('judgeChange', () => {
  it('uses a ±2 % band', () => {
    expect(NOISE_BAND).toBe(0.02);
  });

  it('calls a change beyond the band with an interval excluding 1 faster or slower', () => {
    expect(judgeChange({ ratio: 1.1, ci95: [1.05, 1.16] })).toEqual({ verdict: 'faster', reason: 'measured', ratio: 1.1, ci95: [1.05, 1.16] });
    expect(judgeChange({ ratio: 0.9, ci95: [0.85, 0.95] }).verdict).toBe('slower');
    // Just outside the band: 1.021 > 1.02; 1/1.021 < 1/1.02.
    expect(judgeChange({ ratio: 1.021, ci95: [1.001, 1.04] }).verdict).toBe('faster');
    expect(judgeChange({ ratio: 1 / 1.021, ci95: [1 / 1.04, 1 / 1.001] }).verdict).toBe('slower');
  });

  it('calls a change inside the band no measurable change, even when the interval excludes 1', () => {
    expect(judgeChange({ ratio: 1.015, ci95: [1.01, 1.02] })).toEqual({
      verdict: 'no-change',
      reason: 'inside-noise-band',
      ratio: 1.015,
      ci95: [1.01, 1.02],
    });
    expect(judgeChange({ ratio: 1.02, ci95: [1.019, 1.021] }).verdict).toBe('no-change');
    expect(judgeChange({ ratio: 1 / 1.015, ci95: [1 / 1.02, 1 / 1.01] }).reason).toBe('inside-noise-band');
  });

  it('calls an interval that includes 1 no measurable change, however large the ratio', () => {
    expect(judgeChange({ ratio: 1.33, ci95: [1.006 - 0.01, 2.28] })).toMatchObject({ verdict: 'no-change', reason: 'interval-includes-one' });
    expect(judgeChange({ ratio: 0.5, ci95: [0.2, 1.0] })).toMatchObject({ verdict: 'no-change', reason: 'interval-includes-one' });
  });

  it('is symmetric: swapping the two sides swaps faster and slower', () => {
    for (const [ratio, lo, hi] of [
      [1.1, 1.05, 1.16],
      [1.015, 1.01, 1.02],
      [1.3, 0.9, 1.6],
    ]) {
      const forward = judgeChange({ ratio, ci95: [lo, hi] }).verdict;
      const backward = judgeChange({ ratio: 1 / ratio, ci95: [1 / hi, 1 / lo] }).verdict;
      const flipped = { faster: 'slower', slower: 'faster', 'no-change': 'no-change' } as const;
      expect(backward).toBe(flipped[forward]);
    }
  });

  it('judges results built from samples, and the comparison view words them with it', () => {
    // Identical constant samples: ratio 1.01 with a zero-width interval above 1 — real but inside the band.
    const tiny = speedup([101, 101, 101, 101, 101], [100, 100, 100, 100, 100]);
    expect(tiny.ratio).toBeCloseTo(1.01, 12);
    expect(tiny.ci95).toEqual([1.01, 1.01]);
    expect(judgeChange(tiny).verdict).toBe('no-change');
    expect(describeSpeedup(tiny)).toEqual({
      verdict: 'no-change',
      text: 'no measurable change: after is 1.01× faster (95 % CI 1.01–1.01×), inside the ±2 % noise band',
    });
    const clear = speedup([110, 110, 110, 110, 110], [100, 100, 100, 100, 100]);
    expect(describeSpeedup(clear)).toEqual({ verdict: 'faster', text: 'after is 1.10× faster (95 % CI 1.10–1.10×)' });
  });

  it('refuses a negative band', () => {
    expect(() => judgeChange({ ratio: 1, ci95: [1, 1] }, -0.01)).toThrow(/band must be a finite number ≥ 0/);
  });
});
