/**
 * Pasting the published SPEC SDM91 table (Gunther, "Guerrilla Capacity Planning", 2007;
 * the R `usl` package's `specsdm91`, the same data as stats-usl-published-fits.test.ts)
 * through parseScalingCsv + analyseScaling gives the R usl coefficients
 * (tests/usl-nlxb.Rout.save: alpha 0.0277285, beta 0.0001044, gamma 89.9952330).
 */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';
import { analyseScaling } from '../../../src/core/fit/fit-analysis';
import { fitSucceeded } from '../../../src/core/fit/scaling-types';
import { fitUsl } from '../../../src/core/stats';

const rel = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);

const SPECSDM91 = `# SPEC SDM91, throughput against load
n,throughput
1,64.9
18,995.9
36,1652.4
72,1853.2
108,1828.9
144,1775.0
216,1702.2
`;

describe('analyseScaling on published USL data', () => {
  it('gives the published σ, κ, λ for specsdm91', () => {
    const parsed = parseScalingCsv(SPECSDM91);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.measure).toBe('throughput');
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const analysis = analyseScaling(parsed);
    const usl = analysis.usl;
    if (!fitSucceeded(usl)) throw new Error(usl.error);
    expect(rel(usl.sigma, 0.02772848)).toBeLessThan(1e-4);
    expect(rel(usl.kappa, 1.0437e-4)).toBeLessThan(1e-4);
    expect(rel(usl.lambda, 89.9952)).toBeLessThan(1e-4);
    expect(Math.abs((usl.peakN as number) - 96.52)).toBeLessThanOrEqual(0.005);
    // The same numbers as the statistics module gives for the same points: nothing re-derived.
    const direct = fitUsl(parsed.rows.map((r) => ({ n: r.n, throughput: r.throughput as number })));
    expect(usl.sigma).toBe(direct.sigma);
    expect(usl.kappa).toBe(direct.kappa);
    expect(usl.lambda).toBe(direct.lambda);
  });

  it('forms speedups over n = 1 and Karp–Flatt for every n > 1', () => {
    const parsed = parseScalingCsv(SPECSDM91);
    if (!parsed.ok) throw new Error(parsed.message);
    const analysis = analyseScaling(parsed);
    expect(analysis.nMin).toBe(1);
    expect(analysis.points.map((p) => p.speedup)).toEqual([64.9, 995.9, 1652.4, 1853.2, 1828.9, 1775.0, 1702.2].map((x) => x / 64.9));
    expect(analysis.karpFlatt.map((k) => k.n)).toEqual([18, 36, 72, 108, 144, 216]);
    // e = (1/S − 1/N) / (1 − 1/N) at N = 18, S = 995.9 / 64.9.
    const s18 = 995.9 / 64.9;
    expect(analysis.karpFlatt[0].e).toBeCloseTo((1 / s18 - 1 / 18) / (1 - 1 / 18), 15);
    expect(analysis.notes).toContain('Speedup is X(n) / X(1): relative to n = 1.');
    expect(fitSucceeded(analysis.amdahl)).toBe(true);
  });
});
