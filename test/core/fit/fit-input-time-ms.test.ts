/**
 * Time input: throughput = 1000 / time_ms (runs per second), speedup = T(n_min) / T(n).
 * Numbers after seed report 003 (105.15 s sequential, 6.2 s on 4 workers), with a 2-worker
 * point added so that three distinct n exist: the report itself has only two.
 */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';
import { analyseScaling } from '../../../src/core/fit/fit-analysis';
import { fitSucceeded } from '../../../src/core/fit/scaling-types';

const CSV = 'n,time_ms\n1,105150\n2,55000\n4,6200\n';

describe('analyseScaling with time_ms', () => {
  it('turns times into runs per second and speedups over n = 1, exactly', () => {
    const parsed = parseScalingCsv(CSV);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.measure).toBe('time_ms');
    const a = analyseScaling(parsed);
    expect(a.throughputUnit).toBe('runs/s');
    expect(a.points).toEqual([
      { n: 1, repetitions: 1, timeMs: 105150, throughput: 1000 / 105150, speedup: 1 },
      { n: 2, repetitions: 1, timeMs: 55000, throughput: 1000 / 55000, speedup: 105150 / 55000 },
      { n: 4, repetitions: 1, timeMs: 6200, throughput: 1000 / 6200, speedup: 105150 / 6200 },
    ]);
    expect(a.points[2].speedup).toBe(16.95967741935484); // 105150 / 6200 as a double
    expect(a.notes).toContain('Throughput is 1000 / time_ms: runs per second.');
    expect(a.notes).toContain('Speedup is T(1) / T(n): relative to n = 1.');
  });

  it('flags the superlinear 17× on 4 workers: Amdahl pinned at p = 1, negative Karp–Flatt e', () => {
    const parsed = parseScalingCsv(CSV);
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    if (!fitSucceeded(a.amdahl)) throw new Error(a.amdahl.error);
    expect(a.amdahl.p).toBe(1);
    expect(a.amdahl.ceiling).toBe(Number.POSITIVE_INFINITY);
    const s4 = 105150 / 6200;
    expect(a.karpFlatt.map((k) => k.n)).toEqual([2, 4]);
    expect(a.karpFlatt[1].e).toBeCloseTo((1 / s4 - 1 / 4) / (1 - 1 / 4), 15);
    expect(a.karpFlatt[1].e).toBeLessThan(0);
    expect(a.notes.some((n) => n.startsWith('Superlinear speedup (16.96× at n = 4)'))).toBe(true);
  });
});
