import { describe, expect, it } from 'vitest';
import { analyseExperiment } from '../../../src/core/experiment/analysis';
import { compareRuns } from '../../../src/core/experiment/compare';
import { shareOfRun } from '../../../src/core/io/share-link';
import { NOT_SHARED_DIGEST, sharedAsRecord, sharedPointsTable } from '../../../src/core/io/shared-record';
import { planExperiment } from '../../../src/core/experiment/plan';
import { validateRecord } from '../../../src/core/io/run-record';
import { summarize } from '../../../src/core/stats';
import { makeSweepRecord } from '../../helpers/sweep-record';

describe('sharedAsRecord', () => {
  const original = makeSweepRecord({ repetitions: 4 });
  const shared = shareOfRun(original);
  const record = sharedAsRecord(shared);

  it('is a valid run record with every shared wall time once, baselines shared by points counted once', () => {
    expect(validateRecord(record).ok).toBe(true);
    // 12 measured points + 3 baselines (one per record count; workers 1 is a pool point, not the baseline), 4 walls each.
    expect(record.repetitions).toHaveLength((12 + 3) * 4);
    expect(record.repetitions.every((r) => r.sample.digest.checksum === NOT_SHARED_DIGEST.checksum && r.sample.spans.length === 0)).toBe(true);
  });

  it('analyses to the shared points’ counts, and to medians of the shared walls', () => {
    const analysis = analyseExperiment(planExperiment(record.experiment), record.repetitions, record.environment.timerResolutionMs);
    shared.points.forEach((p, i) => {
      const a = analysis.points[i];
      expect([a.summary?.n, a.baselineSummary?.n]).toEqual([p.n, p.baselineN]);
      expect(a.summary?.median).toBe(summarize(p.wallsMs).median);
      expect(a.allCorrect).toBe(true);
    });
  });

  it('compares with the run it came from: every point matched, every ratio’s interval holding 1', () => {
    const c = compareRuns(record, original);
    expect(c.points).toHaveLength(12);
    expect(c.unmatched).toEqual([]);
    expect(c.points.every((p) => p.speedup !== null && p.speedup.ci95[0] <= 1 && p.speedup.ci95[1] >= 1)).toBe(true);
  });
});

describe('sharedPointsTable', () => {
  it('lists the shared numbers per point under the plan’s labels', () => {
    const shared = shareOfRun(makeSweepRecord({ records: [100_000], workers: [1, 2], repetitions: 3 }));
    const t = sharedPointsTable(shared);
    expect(t.rows.map((r) => r[0])).toEqual(['records 100,000, workers 1', 'records 100,000, workers 2']);
    const p = shared.points[1];
    expect(t.rows[1].slice(1)).toEqual([
      '3',
      p.medianMs.toFixed(3),
      p.ciLoMs.toFixed(3),
      p.ciHiMs.toFixed(3),
      p.speedup!.toFixed(2),
      p.speedupLo!.toFixed(2),
      p.speedupHi!.toFixed(2),
      p.efficiency!.toFixed(2),
      'yes',
    ]);
  });
});
