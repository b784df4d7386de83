/**
 * Break-even by linear interpolation of d = ln(msB) − ln(msA) against ln(records).
 * Hand case: at 100 records A takes 10 ms and B 20 ms (d = ln 2); at 1000 records A takes
 * 100 ms and B 50 ms (d = −ln 2). d is 0 halfway in log space: √(100 · 1000) = 316.227…
 */
import { describe, expect, it } from 'vitest';
import { breakEven, describeBreakEven } from '../../../src/core/stats';

describe('breakEven: B overtakes A', () => {
  it('interpolates on log–log axes between the bracketing sizes', () => {
    const result = breakEven(
      [
        { records: 100, ms: 10 },
        { records: 1000, ms: 100 },
      ],
      [
        { records: 1000, ms: 50 },
        { records: 100, ms: 20 },
      ],
    );
    expect(result.kind).toBe('crossing');
    if (result.kind !== 'crossing') return;
    expect(result.records).toBeCloseTo(Math.sqrt(1e5), 9);
    expect(result.between).toEqual([100, 1000]);
    expect(result.fasterAtLargest).toBe('B');
    expect(result.points.map((p) => p.faster)).toEqual(['A', 'B']);
    expect(describeBreakEven(result, { a: '1 worker', b: '4 workers' })).toBe(
      '4 workers becomes faster than 1 worker at about 316 records (between the measured 100 and 1,000).',
    );
  });

  it('brackets the true crossing of a start-up-cost curve and ignores sizes measured on one side only', () => {
    // One worker: 0.01 ms/record. Four workers: 25 ms start-up + 0.0025 ms/record.
    // The curves meet at 25 / 0.0075 = 3333.3 records.
    const sizes = [10, 100, 1000, 10_000, 100_000];
    const a = sizes.map((records) => ({ records, ms: 0.01 * records }));
    const b = [...sizes, 5000].map((records) => ({ records, ms: 25 + 0.0025 * records }));
    const result = breakEven(a, b);
    expect(result.kind).toBe('crossing');
    if (result.kind !== 'crossing') return;
    expect(result.between).toEqual([1000, 10_000]);
    expect(result.records).toBeGreaterThan(1000);
    expect(result.records).toBeLessThan(10_000);
    expect(result.points).toHaveLength(5);
    // Exact value of the interpolation, computed independently:
    const d1 = Math.log(25 + 2.5) - Math.log(10);
    const d2 = Math.log(25 + 25) - Math.log(100);
    expect(result.records).toBeCloseTo(Math.exp(Math.log(1000) + (-d1 * Math.log(10)) / (d2 - d1)), 9);
  });
});
