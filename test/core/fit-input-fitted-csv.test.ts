/** fittedCsv: RFC 4180 (comma, CRLF after every row), '.' decimals, one row per n, empty cells where a value does not apply. */
import { describe, expect, it } from 'vitest';
import { analyseScaling, fitSucceeded, fittedCsv, parseScalingCsv } from '../../src/core/fit-input';
import { formatNumber } from '../../src/core/csv';

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
    expect(amdahl.fitted[1].throughput).toBe(64.9 * amdahl.fitted[1].speedup);
  });

  it('leaves the Karp–Flatt column empty without an n = 1 row', () => {
    const parsed = parseScalingCsv('n,x\n2,10\n4,18\n8,30\n');
    if (!parsed.ok) throw new Error(parsed.message);
    const rows = fittedCsv(analyseScaling(parsed)).trimEnd().split('\r\n').slice(1);
    expect(rows.every((r) => r.endsWith(','))).toBe(true);
  });
});
