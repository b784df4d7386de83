import { describe, expect, it } from 'vitest';
import { amdahlCeiling, amdahlSpeedup } from '../../../src/core/stats';

describe("Amdahl's law on the seeds' numbers", () => {
  it('seed 002: p = 0.8 gives 1.67, 2.5, 3.33 on 2, 4, 8 workers and a ceiling of 5', () => {
    expect(amdahlSpeedup(0.8, 1)).toBe(1);
    expect(amdahlSpeedup(0.8, 2)).toBeCloseTo(5 / 3, 9);
    expect(amdahlSpeedup(0.8, 4)).toBeCloseTo(5 / 2, 9);
    expect(amdahlSpeedup(0.8, 8)).toBeCloseTo(10 / 3, 9);
    expect(amdahlCeiling(0.8)).toBeCloseTo(5, 9);
  });

  it('seed 004: a 10 % parallel part (90 % serial) on 36 cores gives at most 1.11×', () => {
    // 1 / (0.9 + 0.1/36) = 36 / 32.5 = 72/65 = 1.1076…
    expect(amdahlSpeedup(0.1, 36)).toBeCloseTo(72 / 65, 9);
    expect(amdahlSpeedup(0.1, 36)).toBeLessThan(1.11);
    expect(amdahlCeiling(0.1)).toBeCloseTo(10 / 9, 9);
  });

  it("seed 004's other two claims do not follow from its own formula at N = 36", () => {
    // The report says "50 % → max 1.82×" and "90 % → max 9.26×"; at N = 36 the formula
    // gives 72/37 ≈ 1.95× and exactly 8×. A lesson quoting the seed should use these.
    expect(amdahlSpeedup(0.5, 36)).toBeCloseTo(72 / 37, 9);
    expect(amdahlSpeedup(0.9, 36)).toBeCloseTo(8, 9);
  });

  it('is 1 at p = 0 and N at p = 1', () => {
    expect(amdahlSpeedup(0, 16)).toBe(1);
    expect(amdahlSpeedup(1, 16)).toBe(16);
    expect(amdahlCeiling(1)).toBe(Number.POSITIVE_INFINITY);
  });
});
