/** Without an n = 1 row, λ = X(1) is fitted (never taken from the smallest n), and Karp–Flatt uses Amdahl's fitted λ. */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';
import { analyseScaling } from '../../../src/core/fit/fit-analysis';
import { fitSucceeded } from '../../../src/core/fit/scaling-types';
import { amdahlSpeedup } from '../../../src/core/stats';

describe('analyseScaling when the smallest n is not 1', () => {
  it('fits λ, keeps the points’ speedups relative to n_min, and says so', () => {
    // Amdahl with p = 0.9 and λ = 100: X(n) = 100 · S(n).
    const text = ['cores,rate', ...[2, 4, 8, 16].map((n) => `${n},${100 * amdahlSpeedup(0.9, n)}`)].join('\n');
    const parsed = parseScalingCsv(text);
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    expect(a.nMin).toBe(2);
    expect(a.points[0].speedup).toBe(1);
    expect(a.points[3].speedup).toBeCloseTo(amdahlSpeedup(0.9, 16) / amdahlSpeedup(0.9, 2), 12);
    if (!fitSucceeded(a.amdahl)) throw new Error(a.amdahl.error);
    expect(a.amdahl.p).toBeCloseTo(0.9, 9);
    expect(a.amdahl.lambda).toBeCloseTo(100, 6);
    expect(a.amdahl.ceiling).toBeCloseTo(10, 6);
    // Karp–Flatt's e of exact Amdahl data is the serial fraction 1 − p at every n.
    expect(a.karpFlatt.map((k) => k.n)).toEqual([2, 4, 8, 16]);
    for (const k of a.karpFlatt) expect(k.e).toBeCloseTo(0.1, 8);
    expect(a.notes).toContain('Speedup is X(n) / X(2): relative to n_min = 2, the smallest n in the file.');
    expect(a.notes).toContain(
      "There is no measurement at n = 1: the one-worker throughput λ is a fitted parameter of Amdahl's law and of the USL, never read off a row.",
    );
    expect(a.notes).toContain("Karp–Flatt's speedups are X(n) / λ, with λ = 100 fitted by Amdahl's law.");
  });
});
