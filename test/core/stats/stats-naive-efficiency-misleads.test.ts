/**
 * Seed 001's formula Σ per-item times ÷ (wall × workers) can exceed 100 %. Constructed
 * case: 4 items of 10 ms compute each; sequentially they take 40 ms. On 2 workers all 4
 * are submitted at t = 0 and each item's time is measured from submission to completion
 * (as a pool's per-task timer does): items 1–2 finish at 10 ms, items 3–4 wait and finish
 * at 20 ms, and start-up overhead makes the wall time 25 ms.
 *   naive = (10 + 10 + 20 + 20) / (25 × 2) = 60 / 50 = 1.2   ← "120 % efficient"
 *   right = (40 / 25) / 2 = 0.8
 */
import { describe, expect, it } from 'vitest';
import { efficiency, naiveEfficiency, speedup } from '../../../src/core/stats';

describe('naiveEfficiency misleads', () => {
  it('exceeds 1 where the real efficiency does not', () => {
    const naive = naiveEfficiency([10, 10, 20, 20], 25, 2);
    const real = efficiency(speedup([40], [25]).ratio, 2);
    expect(naive).toBeCloseTo(1.2, 12);
    expect(naive).toBeGreaterThan(1);
    expect(real).toBeCloseTo(0.8, 12);
    expect(real).toBeLessThanOrEqual(1);
  });
});
