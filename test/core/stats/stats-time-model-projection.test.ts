/**
 * fitTimeModel recovers the coefficients of T(R, W) = fixed + perWorker·W + R·(serial + parallel/W)
 * from noiseless points, and project() returns model values labelled as such — e.g. the
 * rows of a table like seed 003's "Scalability Projection".
 */
import { describe, expect, it } from 'vitest';
import { fitTimeModel, project } from '../../../src/core/stats';

const truth = { fixedMs: 2, perWorkerMs: 15, serialMsPerRecord: 0.0002, parallelMsPerRecord: 0.004 };
const t = (records: number, workers: number): number =>
  truth.fixedMs + truth.perWorkerMs * workers + records * (truth.serialMsPerRecord + truth.parallelMsPerRecord / workers);

const points = [100, 1000, 10_000, 100_000, 1_000_000].flatMap((records) =>
  [1, 2, 4, 8].map((workers) => ({ records, workers, ms: t(records, workers) })),
);

describe('time model', () => {
  const model = fitTimeModel(points);

  it('recovers the coefficients of noiseless data', () => {
    expect(model.fixedMs).toBeCloseTo(truth.fixedMs, 6);
    expect(model.perWorkerMs).toBeCloseTo(truth.perWorkerMs, 6);
    expect(model.serialMsPerRecord / truth.serialMsPerRecord).toBeCloseTo(1, 9);
    expect(model.parallelMsPerRecord / truth.parallelMsPerRecord).toBeCloseTo(1, 9);
    expect(model.parallelFraction).toBeCloseTo(0.004 / 0.0042, 9);
    expect(model.maxRelativeError).toBeLessThan(1e-9);
    expect(model.recordsRange).toEqual([100, 1_000_000]);
    expect(model.workersRange).toEqual([1, 8]);
  });

  it('projects 200 M records on 16 workers as a flagged extrapolation with its breakdown', () => {
    const p = project(model, 200_000_000, 16);
    expect(p.isModel).toBe(true);
    expect(p.extrapolated).toBe(true);
    expect(p.ms / t(200_000_000, 16)).toBeCloseTo(1, 9);
    expect(p.recordsPerSec).toBeCloseTo(200_000_000 / (p.ms / 1000), 6);
    expect(p.speedupVsOneWorker).toBeCloseTo(t(200_000_000, 1) / t(200_000_000, 16), 9);
    const { fixedMs, workerOverheadMs, serialMs, parallelMs } = p.breakdown;
    expect(fixedMs + workerOverheadMs + serialMs + parallelMs).toBeCloseTo(p.ms, 6);
  });

  it('marks projections inside the measured ranges as interpolations', () => {
    expect(project(model, 50_000, 4).extrapolated).toBe(false);
  });

  it('keeps every coefficient ≥ 0 even when the data pull one negative', () => {
    // A superlinear 2.5× on 2 workers: an unconstrained fit would need serialMsPerRecord < 0.
    const m = fitTimeModel([
      { records: 1000, workers: 1, ms: 100 },
      { records: 1000, workers: 2, ms: 40 },
      { records: 2000, workers: 1, ms: 200 },
      { records: 2000, workers: 2, ms: 80 },
    ]);
    for (const c of [m.fixedMs, m.perWorkerMs, m.serialMsPerRecord, m.parallelMsPerRecord]) {
      expect(c).toBeGreaterThanOrEqual(0);
    }
  });
});
