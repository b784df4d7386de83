/** Without an n = 1 row, speedups are relative to n_min, Amdahl counts n_min as one unit, and Karp–Flatt is not computed. */
import { describe, expect, it } from 'vitest';
import { analyseScaling, fitSucceeded, parseScalingCsv } from '../../src/core/fit-input';
import { amdahlSpeedup } from '../../src/core/stats';

describe('analyseScaling when the smallest n is not 1', () => {
  it('uses n_min as the baseline and says so', () => {
    // Amdahl with p = 0.9 over 2-worker units: X(n) = 100 · S(n / 2).
    const text = ['cores,rate', ...[2, 4, 8, 16].map((n) => `${n},${100 * amdahlSpeedup(0.9, n / 2)}`)].join('\n');
    const parsed = parseScalingCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    expect(a.nMin).toBe(2);
    expect(a.points[0].speedup).toBe(1);
    expect(a.points[3].speedup).toBeCloseTo(amdahlSpeedup(0.9, 8), 12);
    if (!fitSucceeded(a.amdahl)) throw new Error(a.amdahl.error);
    expect(a.amdahl.relativeTo).toBe(2);
    expect(a.amdahl.p).toBeCloseTo(0.9, 9);
    expect(a.karpFlatt).toEqual([]);
    expect(a.notes).toContain('Speedup is X(n) / X(2): relative to n_min = 2, the smallest n in the file.');
    expect(a.notes).toContain(
      "There is no measurement at n = 1: speedups are relative to n = 2, and Amdahl's law is fitted with n / 2 as the worker count, so p and the ceiling describe scaling beyond 2 workers.",
    );
    expect(a.notes).toContain(
      "Karp–Flatt's serial fraction needs a measurement at n = 1; the smallest n here is 2, so it is not computed.",
    );
  });
});
