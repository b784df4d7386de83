import { describe, expect, it } from 'vitest';
import { amdahlSpeedup, buildSpeedup, speedupTable, uslPeakN, uslSpeedup } from '../../../src/core/view/chart-data';

describe('speedup models', () => {
  it('evaluates Amdahl and the USL', () => {
    expect(amdahlSpeedup(0.9, 1)).toBeCloseTo(1, 12);
    expect(amdahlSpeedup(0.9, 10)).toBeCloseTo(1 / (0.1 + 0.09), 12);
    expect(uslSpeedup({ sigma: 0, kappa: 0, lambda: 100 }, 4)).toBe(4);
    // X(4) = 100·4 / (1 + 0.1·3 + 0.01·12) = 400 / 1.42; baseline 80 records/s
    expect(uslSpeedup({ sigma: 0.1, kappa: 0.01, lambda: 100, baselineThroughput: 80 }, 4)).toBeCloseTo(400 / 1.42 / 80, 12);
    expect(uslPeakN(0.19, 0.01)).toBeCloseTo(9, 12);
    expect(uslPeakN(0.1, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('builds sorted points, the ideal line and curves over 1…maxWorkers', () => {
    const m = buildSpeedup({
      points: [
        { workers: 4, speedup: 2.5, ci95: [2.2, 2.8] },
        { workers: 1, speedup: 1, ci95: [0.95, 1.05] },
      ],
      amdahl: { p: 0.8 },
      usl: { sigma: 0.19, kappa: 0.01, lambda: 10 },
      maxWorkers: 16,
      cores: 4,
    });
    expect(m.cores).toBe(4);
    expect(m.points.map((p) => p.workers)).toEqual([1, 4]);
    expect(m.ideal).toEqual([
      { x: 1, y: 1 },
      { x: 16, y: 16 },
    ]);
    expect(m.amdahl).toEqual({ p: 0.8, ceiling: 1 / (1 - 0.8) });
    expect(m.amdahlCurve[0]).toEqual({ x: 1, y: 1 });
    expect(m.amdahlCurve[m.amdahlCurve.length - 1]!.x).toBe(16);
    expect(m.amdahlCurve.map((p) => p.x)).toContain(7);
    expect(m.usl!.peakN).toBeCloseTo(9, 12);
    expect(m.uslPeak!.x).toBeCloseTo(9, 12);
    expect(m.uslPeak!.y).toBeCloseTo(uslSpeedup({ sigma: 0.19, kappa: 0.01, lambda: 10 }, 9), 12);
  });

  it('leaves out curves without fits and a peak beyond the axis', () => {
    const m = buildSpeedup({ points: [{ workers: 2, speedup: 1.5, ci95: [1.4, 1.6] }], usl: { sigma: 0.19, kappa: 0.0001, lambda: 1 } });
    expect(m.maxWorkers).toBe(2);
    expect(m.amdahl).toBeUndefined();
    expect(m.amdahlCurve).toEqual([]);
    expect(m.uslPeak).toBeUndefined();
  });

  it('tabulates speedup with efficiency S/N', () => {
    const t = speedupTable(buildSpeedup({ points: [{ workers: 4, speedup: 2, ci95: [1.8, 2.2] }], amdahl: { p: 0.5 } }));
    expect(t.rows).toEqual([['4', '2.000', '1.800', '2.200', '50.0', '4']]);
    expect(t.caption).toBe('Speedup over the one-worker baseline; Amdahl fit p = 0.500, ceiling 2.00×');
  });
});
