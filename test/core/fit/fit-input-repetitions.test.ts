/** Repeated n values are repetitions: each n uses the median of its rows, and the analysis says how many. */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';
import { analyseScaling } from '../../../src/core/fit/fit-analysis';

describe('analyseScaling with repetitions', () => {
  it('takes the median per n and counts the rows', () => {
    const parsed = parseScalingCsv('n,time_ms\n1,100\n1,120\n1,90\n2,60\n4,40\n4,44\n2,80\n2,70\n');
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    expect(a.points.map((p) => [p.n, p.repetitions, p.timeMs])).toEqual([
      [1, 3, 100],
      [2, 3, 70],
      [4, 2, 42],
    ]);
    expect(a.points.map((p) => p.speedup)).toEqual([1, 100 / 70, 100 / 42]);
    expect(a.notes).toContain('Repeated worker counts (3 at n = 1, 3 at n = 2, 2 at n = 4 rows): each n uses the median of its rows.');
  });
});
