import { describe, expect, it } from 'vitest';
import { fitUsl, uslPeakN, uslThroughput } from '../../../src/core/stats';

describe('USL peak N* = √((1 − σ)/κ)', () => {
  it('is exact, and X really is largest there', () => {
    expect(uslPeakN(0.19, 0.01)).toBeCloseTo(9, 12);
    const params = { sigma: 0.05, kappa: 0.002, lambda: 100 };
    const peak = uslPeakN(params.sigma, params.kappa) as number;
    expect(peak).toBeCloseTo(Math.sqrt(0.95 / 0.002), 12);
    const atPeak = uslThroughput(params, peak);
    for (const n of [peak - 1, peak - 0.01, peak + 0.01, peak + 1]) expect(uslThroughput(params, n)).toBeLessThan(atPeak);
  });

  it('is null without coherency cost (κ = 0) or with total contention (σ ≥ 1)', () => {
    expect(uslPeakN(0.1, 0)).toBeNull();
    expect(uslPeakN(1, 0.01)).toBeNull();
  });

  it('comes with the fit: "4 workers slower than 2" puts the peak between them', () => {
    const params = { sigma: 0.1, kappa: 0.08, lambda: 1000 };
    const fit = fitUsl([1, 2, 3, 4, 6, 8].map((n) => ({ n, throughput: uslThroughput(params, n) })));
    expect(fit.peakN).toBeCloseTo(Math.sqrt(0.9 / 0.08), 6);
    expect(fit.peakN as number).toBeGreaterThan(2);
    expect(fit.peakN as number).toBeLessThan(4);
    expect(fit.peakThroughput).toBeCloseTo(uslThroughput(params, Math.sqrt(0.9 / 0.08)), 6);
  });
});
