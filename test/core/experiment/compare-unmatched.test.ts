import { describe, expect, it } from 'vitest';
import { compareRuns, comparisonSummary } from '../../../src/core/experiment/compare';
import { makeRecord } from '../../helpers/run-records';
import { runWithWalls } from './compare-fixtures';

describe('compareRuns: matching by configuration', () => {
  it('matches points by configuration key, not position, and reports the rest as unmatched', () => {
    // before: workers 1, 2, 4; after: workers 2, 4, 8 (its values listed in another order).
    const before = runWithWalls({ 1: [10, 10, 10], 2: [6, 6, 6], 4: [4, 4, 4] }, { id: 'before' });
    const afterBase = runWithWalls({ 1: [9, 9, 9], 2: [3, 3, 3], 4: [2, 2, 2] }, { id: 'after' });
    const after = {
      ...afterBase,
      experiment: { ...afterBase.experiment, sweep: [{ param: 'workers' as const, values: [8, 4, 2] }] },
      // Its repetitions at 1 worker now belong to no planned point.
    };
    const c = compareRuns(before, after);
    expect(c.points.map((p) => [p.label, p.before!.medianMs, p.after!.medianMs, p.speedup!.ratio])).toEqual([
      ['workers 4', 4, 2, 2],
      ['workers 2', 6, 3, 2],
    ]);
    expect(c.unmatched.map((u) => [u.side, u.label, u.n])).toEqual([
      ['before', 'workers 1', 3],
      ['after', 'workers 8', 0],
    ]);
    expect(comparisonSummary(c)).toBe(
      '2 matching configurations: after faster at 2; geometric mean speedup 2.00×; 2 unmatched. 1 setting differs.',
    );
  });

  it('says so when the two runs share no configuration', () => {
    const before = makeRecord({ points: 1 });
    const after = makeRecord({ id: 'other', points: 1, overrides: { experiment: { ...before.experiment, base: { ...before.experiment.base, seed: 7 } } } });
    const c = compareRuns(before, after);
    expect(c.points).toEqual([]);
    expect(c.unmatched).toHaveLength(2);
    expect(c.differences.map((d) => d.path)).toEqual(['base.seed']);
    expect(comparisonSummary(c)).toContain('No configuration was measured in both runs');
  });
});
