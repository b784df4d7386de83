import { describe, expect, it } from 'vitest';
import { analyseExperiment } from '../../../src/core/experiment/analysis';
import { planExperiment } from '../../../src/core/experiment/plan';
import { buildResultsView } from '../../../src/core/view/results-view';
import { speedupTable } from '../../../src/core/view/chart-data';
import type { RunConfig, SweepAxis } from '../../../src/core/model/types';
import { fakeRepetitions } from '../../helpers/samples';

const base: RunConfig = {
  seed: 1, records: 1000, format: 'fixed', distinctKeys: 10, keySkew: 0, payloadBytes: 0, costSkew: 0,
  job: 'parse', workRounds: 0, strategy: 'pool', workers: 2, shipping: 'transfer', scheduling: 'static',
  batchSize: 100, poolLife: 'cold', varlenSplit: 'resync', serialFraction: 0,
};

/** Baseline 0.01 ms a record; pool 5 ms overhead + Amdahl p = 0.8 on the rest: speedups differ by record count. */
function simulate(sweep: SweepAxis[]) {
  const plan = planExperiment({ base, sweep, warmups: 0, repetitions: 1 });
  const records = plan.units.flatMap((unit) => {
    const c = unit.config;
    const seqMs = 0.01 * c.records;
    const ms = c.strategy === 'worker-seq' ? seqMs : 5 + seqMs * (0.2 + 0.8 / c.workers);
    return fakeRepetitions(c, [ms], unit.role);
  });
  return buildResultsView(analyseExperiment(plan, records, 0.005));
}

describe('the speedup chart draws one series, never a pile at one worker count', () => {
  it('a records sweep at 2 workers: only the focus point (the last record count), with a note', () => {
    const view = simulate([{ param: 'records', values: [1_000, 10_000, 100_000] }]);
    const m = view.speedup!;
    expect(m.points).toHaveLength(1);
    expect(m.points[0].workers).toBe(2);
    // 1,000 ms sequential vs 5 + 1,000 · 0.6 = 605 ms.
    expect(m.points[0].speedup).toBeCloseTo(1000 / 605, 12);
    expect(m.note).toBe(
      'Speedup at records 100,000 only: this experiment does not vary the worker count, so its other 2 points would all stand at 2 workers. The time-vs-records and spread charts show them.',
    );
    expect(speedupTable(m).caption).toContain(m.note);
  });

  it('a workers sweep: every worker count, no note', () => {
    const m = simulate([{ param: 'workers', values: [1, 2, 4] }]).speedup!;
    expect(m.points.map((p) => p.workers)).toEqual([1, 2, 4]);
    expect(m.note).toBeUndefined();
    expect(m.amdahl).toBeDefined();
  });

  it('a records × workers grid: the series of the focus point (the largest record count), with a note', () => {
    const m = simulate([
      { param: 'records', values: [100, 10_000] },
      { param: 'workers', values: [2, 4] },
    ]).speedup!;
    expect(m.points.map((p) => p.workers)).toEqual([2, 4]);
    expect(m.points[1].speedup).toBeCloseTo(100 / (5 + 100 * 0.4), 12);
    expect(m.note).toBe('Series records 10,000 (the latest measured); 1 other series is in the CSV export.');
  });
});
