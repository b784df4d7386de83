import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/stats';

describe('summarize with one sample', () => {
  it('returns that sample everywhere, sd 0 and the CI [x, x]', () => {
    const s = summarize([42.5]);
    expect(s).toMatchObject({ n: 1, median: 42.5, mean: 42.5, sd: 0, mad: 0, min: 42.5, max: 42.5, cv: 0 });
    expect(s.ci95).toEqual([42.5, 42.5]);
    expect(s.outliers).toEqual({ mild: [], severe: [] });
  });

  it('reports CV 0, not NaN, when every sample is 0 ms', () => {
    const s = summarize([0, 0, 0]);
    expect(s.cv).toBe(0);
    expect(s.ci95).toEqual([0, 0]);
  });
});
