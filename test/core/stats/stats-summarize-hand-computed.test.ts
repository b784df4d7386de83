/**
 * summarize on a set small enough to check by hand. Samples (unsorted on purpose):
 * 12, 100, 10, 14, 25, 11, 16, 13, 15 → sorted 10 11 12 13 14 15 16 25 100.
 *   median = 14 (5th of 9); mean = 216 / 9 = 24
 *   deviations from 24: −14 −13 −12 −11 −10 −9 −8 1 76, squares sum to 6652
 *   sd (n − 1) = √(6652 / 8) = √831.5
 *   |x − 14|: 4 3 2 1 0 1 2 11 86 → sorted 0 1 1 2 2 3 4 11 86 → raw MAD = 2
 *   quartiles (Hyndman–Fan type 7): h = 8·0.25 = 2 → Q1 = 12; h = 6 → Q3 = 16; IQR = 4
 *   inner fences 6 / 22, outer fences 0 / 28 → 25 is mild, 100 is severe
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../src/core/stats';

describe('summarize on a hand-computed set', () => {
  const s = summarize([12, 100, 10, 14, 25, 11, 16, 13, 15]);

  it('gets the centre and range exactly', () => {
    expect(s.n).toBe(9);
    expect(s.median).toBe(14);
    expect(s.mean).toBe(24);
    expect(s.min).toBe(10);
    expect(s.max).toBe(100);
  });

  it('gets the spread: sample sd, raw MAD and CV', () => {
    expect(s.sd).toBeCloseTo(Math.sqrt(831.5), 12);
    expect(s.mad).toBe(2);
    expect(s.cv).toBeCloseTo(Math.sqrt(831.5) / 24, 12);
  });

  it('flags Tukey outliers without dropping them', () => {
    expect(s.fences).toEqual({ innerLow: 6, innerHigh: 22, outerLow: 0, outerHigh: 28 });
    expect(s.outliers).toEqual({ mild: [25], severe: [100] });
    expect(s.mean).toBe(24); // the outliers are still in the mean
  });

  it('gives a median CI inside the sample range that contains the median', () => {
    expect(s.ci95[0]).toBeGreaterThanOrEqual(10);
    expect(s.ci95[1]).toBeLessThanOrEqual(100);
    expect(s.ci95[0]).toBeLessThanOrEqual(14);
    expect(s.ci95[1]).toBeGreaterThanOrEqual(14);
  });
});
