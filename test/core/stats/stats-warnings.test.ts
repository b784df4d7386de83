import { describe, expect, it } from 'vitest';
import { summarize, warnings } from '../../../src/core/stats';

const codes = (ms: number[], resolutionMs: number, withOrder = false) =>
  warnings(summarize(ms), resolutionMs, withOrder ? { samplesMs: ms } : {}).map((w) => w.code);

describe('warnings', () => {
  it('is empty for a long, quiet, warm run', () => {
    expect(codes([100, 101, 99, 100, 100.5, 99.5], 0.005, true)).toEqual([]);
  });

  it('flags a median shorter than 100× the timer resolution (0.5 ms on a 0.1 ms clock)', () => {
    expect(codes([0.5, 0.5, 0.6, 0.5], 0.1)).toEqual(['below-resolution']);
    expect(codes([10, 10, 10.1, 10], 0.1)).toEqual([]);
  });

  it('flags a CV above 10 %', () => {
    expect(codes([10, 13, 10, 13, 10, 13], 0.005)).toEqual(['high-noise']);
  });

  it('flags a cold first run only when the run order is given', () => {
    const ms = [40, 10, 10.1, 9.9, 10, 10.2, 9.8, 10.1];
    expect(codes(ms, 0.005, true)).toContain('cold-start');
    expect(codes(ms, 0.005, false)).not.toContain('cold-start');
    expect(codes([10.3, 10, 10.1, 9.9, 10, 10.2, 9.8, 10.1], 0.005, true)).not.toContain('cold-start');
  });

  it('flags severe outliers, and says they were kept', () => {
    const w = warnings(summarize([10, 10.1, 9.9, 10, 10.2, 9.8, 10.1, 30]), 0.005);
    expect(w.map((x) => x.code)).toContain('severe-outliers');
    expect(w.find((x) => x.code === 'severe-outliers')?.message).toMatch(/1 of 8 runs .* kept/);
  });
});
