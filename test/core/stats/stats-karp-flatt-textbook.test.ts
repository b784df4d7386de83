/**
 * Karp–Flatt e = (1/S − 1/N) / (1 − 1/N) (Karp & Flatt, CACM 33(5), 1990).
 *
 * Hand-computed: S = 3.2 on 4 processors → e = (0.3125 − 0.25) / 0.75 = 1/12.
 *
 * Textbook table: Quinn, "Parallel Programming in C with MPI and OpenMP" (McGraw-Hill
 * 2004), §7.5, example 1 lists speedups 1.82, 2.50, 3.08, 3.57, 4.00, 4.38, 4.71 on 2…8
 * processors and concludes e ≈ 0.1 throughout (a fixed serial part). This table is quoted
 * from memory — the book was not available to check — so the test does not lean on it
 * alone: it also checks that S = 1/(0.1 + 0.9/p), which rounds to exactly those values,
 * gives e = 0.1 exactly.
 */
import { describe, expect, it } from 'vitest';
import { karpFlatt } from '../../../src/core/stats';

describe('karpFlatt', () => {
  it('S = 3.2 on 4 processors → e = 1/12', () => {
    expect(karpFlatt(3.2, 4)).toBeCloseTo(1 / 12, 12);
  });

  it("Quinn's example 1: a constant serial fraction of 0.1", () => {
    const table = [1.82, 2.5, 3.08, 3.57, 4.0, 4.38, 4.71];
    table.forEach((s, i) => {
      const p = i + 2;
      expect((1 / (0.1 + 0.9 / p)).toFixed(2)).toBe(s.toFixed(2));
      expect(karpFlatt(1 / (0.1 + 0.9 / p), p)).toBeCloseTo(0.1, 12);
      expect(Math.abs((karpFlatt(s, p) as number) - 0.1)).toBeLessThan(0.005); // rounding of the table
    });
  });

  it('is 0 for linear speedup, 1 for none, and undefined on one processor', () => {
    expect(karpFlatt(8, 8)).toBe(0);
    expect(karpFlatt(1, 8)).toBeCloseTo(1, 12);
    expect(karpFlatt(1, 1)).toBeUndefined();
  });
});
