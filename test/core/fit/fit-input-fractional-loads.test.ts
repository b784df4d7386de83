/** `npm run fit` input: fractional loads, all below 1, repeated, no n = 1 row — the fits still give their parameters. */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';
import { analyseScaling } from '../../../src/core/fit/fit-analysis';
import { fitSucceeded } from '../../../src/core/fit/scaling-types';
import { amdahlSpeedup, uslThroughput } from '../../../src/core/stats';

describe('analyseScaling on fractional loads', () => {
  it('fits loads that are all below 1, each repeated, with no n = 1 row', () => {
    const params = { sigma: 0.3, kappa: 0.2, lambda: 40 };
    const ns = [0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.95];
    // Three rows per load: the exact value and ±1 around it, so the median is exact.
    const rows = ns.flatMap((n) => [-1, 0, 1].map((d) => `${n},${uslThroughput(params, n) + d}`));
    const parsed = parseScalingCsv(['n,throughput', ...rows].join('\n'));
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    expect(a.nMin).toBe(0.1);
    expect(a.points.map((p) => p.repetitions)).toEqual(ns.map(() => 3));
    if (!fitSucceeded(a.usl)) throw new Error(a.usl.error);
    expect(a.usl.sigma).toBeCloseTo(0.3, 5);
    expect(a.usl.kappa).toBeCloseTo(0.2, 5);
    expect(a.usl.lambda).toBeCloseTo(40, 5);
    expect(fitSucceeded(a.amdahl)).toBe(true);
  });

  it('fits Amdahl’s p and λ from fractional times with no n = 1 row, and Karp–Flatt against that λ', () => {
    // time_ms = 1000 / X with X(n) = 50 · S(n), p = 0.8.
    const ns = [0.25, 0.5, 0.75, 1.5, 3];
    const parsed = parseScalingCsv(['n,time_ms', ...ns.map((n) => `${n},${1000 / (50 * amdahlSpeedup(0.8, n))}`)].join('\n'));
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    if (!fitSucceeded(a.amdahl)) throw new Error(a.amdahl.error);
    expect(a.amdahl.p).toBeCloseTo(0.8, 9);
    expect(a.amdahl.lambda).toBeCloseTo(50, 7);
    expect(a.karpFlatt.map((k) => k.n)).toEqual(ns);
    for (const k of a.karpFlatt) expect(k.e).toBeCloseTo(0.2, 8);
  });

  it('refuses n ≤ 0 with a message naming the line', () => {
    const parsed = parseScalingCsv('n,throughput\n0.5,10\n0.75,14\n0,3\n');
    expect(parsed).toMatchObject({ ok: false, code: 'bad-worker-count', line: 4 });
    if (parsed.ok) return;
    expect(parsed.message).toBe(
      'Line 4, column 1 (n): "0" is not a load: n must be > 0 (a worker count such as 4, or an average load such as 0.5).',
    );
  });
});
