import { describe, expect, it } from 'vitest';
import { speedup } from '../../../src/core/stats';

describe('speedup is the ratio of median times', () => {
  it("reproduces seed 000's table: 20.96 → 14.88 ms is 1.41×, 40.85 → 42.22 ms is 0.97×", () => {
    expect(speedup([20.96], [14.88]).ratio).toBeCloseTo(20.96 / 14.88, 12);
    expect(speedup([20.96], [14.88]).ratio.toFixed(2)).toBe('1.41');
    expect(speedup([40.85], [42.22]).ratio.toFixed(2)).toBe('0.97');
  });

  it("reproduces seed 003's 17× (105.15 s → 6.2 s)", () => {
    expect(speedup([105150], [6200]).ratio.toFixed(1)).toBe('17.0');
  });

  it('uses medians, so one slow repetition does not move it', () => {
    const s = speedup([100, 101, 99, 100, 400], [50, 51, 49, 50, 50]);
    expect(s.baselineMedianMs).toBe(100);
    expect(s.parallelMedianMs).toBe(50);
    expect(s.ratio).toBe(2);
    expect(s.ci95[0]).toBeLessThanOrEqual(2);
    expect(s.ci95[1]).toBeGreaterThanOrEqual(2);
    // Every bootstrap ratio is a ratio of sample values: between min/max and max/min.
    expect(s.ci95[0]).toBeGreaterThanOrEqual(99 / 51);
    expect(s.ci95[1]).toBeLessThanOrEqual(400 / 49);
  });
});
