/** fittedCsv: RFC 4180 (comma, CRLF after every row), '.' decimals, one row per n, empty cells where a value does not apply. */
import { describe, expect, it } from 'vitest';
import { parseScalingCsv } from '../../../src/core/fit/fit-input';
import { analyseScaling } from '../../../src/core/fit/fit-analysis';
import { fittedCsv } from '../../../src/core/fit/fit-export';
import { fitSucceeded } from '../../../src/core/fit/scaling-types';
import { formatNumber } from '../../../src/core/io/csv';
import { karpFlatt } from '../../../src/core/stats';

describe('fittedCsv', () => {
  it('writes n, measured, amdahl_fitted, usl_fitted, karp_flatt', () => {
    const parsed = parseScalingCsv('n;throughput\n1;64.9\n18;995.9\n36;1652.4\n72;1853.2\n');
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    if (!fitSucceeded(a.amdahl) || !fitSucceeded(a.usl)) throw new Error('fit failed');
    const csv = fittedCsv(a);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('n,measured,amdahl_fitted,usl_fitted,karp_flatt');
    expect(lines).toHaveLength(5);
    const usl = a.usl;
    const amdahl = a.amdahl;
    expect(lines[1]).toBe(`1,64.9,${formatNumber(amdahl.fitted[0].throughput)},${formatNumber(usl.fitted[0])},`);
    expect(lines[2]).toBe(
      `18,995.9,${formatNumber(amdahl.fitted[1].throughput)},${formatNumber(usl.fitted[1])},${formatNumber(a.karpFlatt[0].e)}`,
    );
    expect(csv).not.toMatch(/\de[+-]?\d/i); // never exponent notation
    // λ (the throughput at n = 1) is fitted, not the 64.9 of the n = 1 row.
    expect(amdahl.fitted[1].throughput / (amdahl.lambda * amdahl.fitted[1].speedup)).toBeCloseTo(1, 12);
  });

  it('fills the Karp–Flatt column against the fitted λ without an n = 1 row', () => {
    const parsed = parseScalingCsv('n,x\n2,10\n4,18\n8,30\n');
    if (!parsed.ok) throw new Error(parsed.message);
    const a = analyseScaling(parsed);
    if (!fitSucceeded(a.amdahl)) throw new Error(a.amdahl.error);
    const lambda = a.amdahl.lambda;
    const rows = fittedCsv(a).trimEnd().split('\r\n').slice(1);
    expect(rows.map((r) => r.split(',')[4])).toEqual(
      [2, 4, 8].map((n, i) => formatNumber(karpFlatt([10, 18, 30][i] / lambda, n) as number)),
    );
  });
});
