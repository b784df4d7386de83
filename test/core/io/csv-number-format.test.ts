import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../../src/core/io/csv';

describe('formatNumber', () => {
  it('writes the shortest exact digits in plain decimal', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(12.5)).toBe('12.5');
    expect(formatNumber(-3.25)).toBe('-3.25');
    expect(formatNumber(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(formatNumber(50_000_000)).toBe('50000000');
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(-1.5e-9)).toBe('-0.0000000015');
    expect(formatNumber(1.2345e21)).toBe('1234500000000000000000');
    expect(formatNumber(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
    expect(formatNumber(5e-324)).toBe(`0.${'0'.repeat(323)}5`);
  });

  it('gives an empty cell for values CSV cannot spell', () => {
    expect(formatNumber(Number.NaN)).toBe('');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('');
    expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('');
  });

  it('reads back as the same double, never with an exponent or a thousands separator', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = formatNumber(x);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(x === 0 ? 0 : x);
      }),
      { numRuns: 5000 },
    );
  });
});
