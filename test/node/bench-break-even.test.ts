import { describe, expect, it } from 'vitest';
import { breakEvenRecords, lineThrough } from '../../src/bench/harness';

describe('the cold-pool break-even', () => {
  it('is where the parallel line meets the main thread’s', () => {
    // Parallel: 40 ms to start, then 0.5 µs a record; main thread: 1 ms + 1 µs a record → 78,000 records.
    const parallel = lineThrough(20_000, 50, 200_000, 140);
    const main = lineThrough(20_000, 21, 200_000, 201);
    expect(parallel).toEqual({ a: 40, b: 0.0005 });
    expect(breakEvenRecords(parallel, main)).toBeCloseTo(78_000, 6);
  });

  it('is 0 when the parallel side never loses and Infinity when it never wins', () => {
    expect(breakEvenRecords({ a: 1, b: 0.001 }, { a: 2, b: 0.002 })).toBe(0);
    expect(breakEvenRecords({ a: 40, b: 0.002 }, { a: 1, b: 0.001 })).toBe(Infinity);
  });
});
