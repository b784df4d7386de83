import { describe, expect, it } from 'vitest';
import { efficiency } from '../../../src/core/stats';

describe('efficiency = speedup / workers', () => {
  it("gives seed 001's example: 1.5× on 2 workers is 75 %", () => {
    expect(efficiency(1.5, 2)).toBe(0.75);
  });

  it('is 1 for ideal scaling and below 1 for a slowdown', () => {
    expect(efficiency(4, 4)).toBe(1);
    expect(efficiency(0.97, 4)).toBeCloseTo(0.2425, 12);
  });
});
