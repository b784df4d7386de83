import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/experiment/compare';
import { comparisonTable } from '../../../src/core/experiment/compare-tables';
import { speedup } from '../../../src/core/stats';
import { runWithWalls } from './compare-fixtures';

describe('compareRuns: ratio per matching configuration', () => {
  it('gives median(before) ÷ median(after) with the bootstrap CI of stats.speedup', () => {
    const before = runWithWalls({ 1: [10, 12, 14], 2: [8, 9, 30] }, { id: 'before' });
    const after = runWithWalls({ 1: [5, 6, 9], 2: [9, 9.5, 8.5] }, { id: 'after' });
    const c = compareRuns(before, after);

    expect(c.points.map((p) => p.label)).toEqual(['workers 1', 'workers 2']);
    const [w1, w2] = c.points;
    expect(w1.before).toMatchObject({ n: 3, medianMs: 12 });
    expect(w1.after).toMatchObject({ n: 3, medianMs: 6 });
    expect(w1.speedup!.ratio).toBe(2);
    expect(w1.timeRatio).toBe(0.5);
    const expected = speedup([10, 12, 14], [5, 6, 9]);
    expect(w1.speedup!.ci95).toEqual(expected.ci95);
    expect(w1.timeRatioCi95).toEqual([1 / expected.ci95[1], 1 / expected.ci95[0]]);

    expect(w2.before!.medianMs).toBe(9);
    expect(w2.after!.medianMs).toBe(9);
    expect(w2.speedup!.ratio).toBe(1);
    expect(w2.verdict).toBe('no-change');
    expect(w2.text).toMatch(/^no measurable change: after is 1\.00× faster, but the 95 % CI .*includes 1×$/);
  });

  it('words a faster and a slower point with their intervals', () => {
    const before = runWithWalls({ 1: [12, 12, 12], 2: [10, 10, 10] });
    const after = runWithWalls({ 1: [6, 6, 6], 2: [20, 20, 20] }, { id: 'after' });
    const [w1, w2] = compareRuns(before, after).points;
    expect(w1.verdict).toBe('faster');
    expect(w1.text).toBe('after is 2.00× faster (95 % CI 2.00–2.00×)');
    expect(w2.verdict).toBe('slower');
    expect(w2.speedup!.ratio).toBe(0.5);
    expect(w2.timeRatio).toBe(2);
    expect(w2.text).toBe('after is 2.00× slower (95 % CI 2.00–2.00×)');
  });

  it('counts verdicts, takes the geometric mean and fills the copyable table', () => {
    const before = runWithWalls({ 1: [12, 12, 12], 2: [10, 10, 10] });
    const after = runWithWalls({ 1: [6, 6, 6], 2: [20, 20, 20] }, { id: 'after' });
    const c = compareRuns(before, after);
    expect(c.counts).toEqual({ faster: 1, slower: 1, 'no-change': 0, 'no-data': 0 });
    expect(c.geoMeanSpeedup).toBeCloseTo(1, 12); // √(2 × 0.5)
    expect(comparisonTable(c).rows).toEqual([
      ['workers 1', '3', '12.000', '3', '6.000', '0.500', '2.000', '2.000', '2.000'],
      ['workers 2', '3', '10.000', '3', '20.000', '2.000', '0.500', '0.500', '0.500'],
    ]);
  });

  it('gives no ratio, and says why, where one run has no samples or a 0 ms sample', () => {
    const before = runWithWalls({ 1: [10, 12, 14], 2: [0, 5, 6] });
    const after = runWithWalls({ 1: [], 2: [5, 6, 7] }, { id: 'after', repetitions: 3 });
    const [w1, w2] = compareRuns(before, after).points;
    expect(w1.after).toBeNull();
    expect(w1.speedup).toBeNull();
    expect(w1.verdict).toBe('no-data');
    expect(w1.text).toBe('cannot compare: the after run has no measurement here');
    expect(w2.verdict).toBe('no-data');
    expect(w2.before!.medianMs).toBe(5);
    expect(w2.text).toContain('0 ms sample');
  });
});
