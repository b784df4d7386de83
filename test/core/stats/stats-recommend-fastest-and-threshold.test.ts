/**
 * recommend() on a sweep generated from a known cost model:
 *   sequential baseline  T = 0.0042 ms · R
 *   W workers            T = 2 + 15·W + R·(0.0002 + 0.004 / W)      (W = 2, 4)
 * Sequential wins small inputs (no 15 ms-per-worker start-up); 4 workers win large ones.
 */
import { describe, expect, it } from 'vitest';
import { recommend, type SweepPoint } from '../../../src/core/stats';

const sizes = [100, 1000, 10_000, 100_000, 1_000_000];
const pool = (r: number, w: number): number => 2 + 15 * w + r * (0.0002 + 0.004 / w);
const point = (workers: number, records: number, medianMs: number): SweepPoint => ({
  workers,
  records,
  medianMs,
  ci95: [medianMs * 0.95, medianMs * 1.05],
});
const sweep = {
  baseline: sizes.map((r) => point(1, r, 0.0042 * r)),
  points: sizes.flatMap((r) => [2, 4].map((w) => point(w, r, pool(r, w)))),
};

describe('recommend', () => {
  it('picks the fastest measured configuration at a measured size, with its evidence', () => {
    const rec = recommend(sweep, 1_000_000);
    expect(rec.decidedBy).toBe('measured');
    expect(rec.best).toMatchObject({ workers: 4, sequential: false, source: 'measured', ms: pool(1e6, 4) });
    expect(rec.best.evidence).toEqual(point(4, 1e6, pool(1e6, 4)));
    expect(rec.candidates.map((c) => c.workers)).toEqual([4, 2, 1]);
    expect(rec.clearWinner).toBe(true);
    expect(rec.model).toBeNull();
  });

  it('stays sequential for a small input', () => {
    const rec = recommend(sweep, 100);
    expect(rec.best).toMatchObject({ workers: 1, sequential: true });
  });

  it('falls back to the time model for an unmeasured size and says so', () => {
    const rec = recommend(sweep, 3_000_000);
    expect(rec.decidedBy).toBe('model');
    expect(rec.model).not.toBeNull();
    expect(rec.best).toMatchObject({ workers: 4, source: 'model', ci95: null });
    expect(rec.best.evidence).toMatchObject({ isModel: true, records: 3_000_000, workers: 4, extrapolated: true });
    expect(rec.clearWinner).toBe(false);
  });

  it('finds the threshold below which to stay sequential: the earliest break-even of any worker count', () => {
    const rec = recommend(sweep, 1_000_000);
    // Interpolated in log–log between 10⁴ and 10⁵ records, for each worker count:
    const crossing = (w: number): number => {
      const d1 = Math.log(pool(1e4, w)) - Math.log(42);
      const d2 = Math.log(pool(1e5, w)) - Math.log(420);
      return Math.exp(Math.log(1e4) + (-d1 * Math.log(10)) / (d2 - d1));
    };
    expect(rec.threshold.kind).toBe('crossing');
    if (rec.threshold.kind !== 'crossing') return;
    expect(rec.threshold.workers).toBe(2);
    expect(rec.threshold.records).toBeCloseTo(crossing(2), 6);
    expect(rec.threshold.records).toBeLessThan(crossing(4));
    expect(rec.threshold.between).toEqual([10_000, 100_000]);
    expect(rec.breakEvens.map((b) => b.workers)).toEqual([2, 4]);
  });

  it("says 'never' when no worker count ever beats the baseline (seed 004)", () => {
    const slower = {
      baseline: sizes.map((r) => point(1, r, 0.01 * r)),
      points: sizes.map((r) => point(36, r, 0.0647 * r)),
    };
    expect(recommend(slower, 1000).threshold).toEqual({ kind: 'never', maxRecords: 1_000_000 });
  });
});
