import { describe, expect, it } from 'vitest';
import { gustafsonSpeedup } from '../../../src/core/stats';

describe('gustafsonSpeedup = N − s(N − 1)', () => {
  it('gives N for no serial part and 1 for an all-serial run', () => {
    expect(gustafsonSpeedup(0, 36)).toBe(36);
    expect(gustafsonSpeedup(1, 36)).toBe(1);
  });

  it('a 10 % serial part on 36 cores scales to 32.5×, where Amdahl caps the fixed problem at 8×', () => {
    expect(gustafsonSpeedup(0.1, 36)).toBeCloseTo(32.5, 12);
  });
});
