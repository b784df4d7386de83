import { describe, expect, it } from 'vitest';
import { analyseExperiment } from '../../../src/core/experiment/analysis';
import { planExperiment } from '../../../src/core/experiment/plan';
import type { RepetitionRecord, RunConfig } from '../../../src/core/model/types';
import { fakeRepetitions } from '../../helpers/samples';

const base: RunConfig = {
  seed: 1, records: 1000, format: 'fixed', distinctKeys: 10, keySkew: 0, payloadBytes: 0, costSkew: 0,
  job: 'parse', workRounds: 0, strategy: 'pool', workers: 2, shipping: 'transfer', scheduling: 'static',
  batchSize: 100, poolLife: 'cold', varlenSplit: 'resync', serialFraction: 0,
};

function reps(config: RunConfig, walls: number[], role: 'measured' | 'baseline', computeShare = 0.5, correct = true): RepetitionRecord[] {
  return fakeRepetitions(config, walls, role, (w) => ({ correct, phasesMs: { compute: w * computeShare, spawn: w - w * computeShare } }));
}

describe('analyseExperiment', () => {
  it('measures speedup, efficiency and Karp–Flatt against the point’s own baseline', () => {
    const plan = planExperiment({ base, sweep: [], warmups: 0, repetitions: 3 });
    const records = [
      ...reps(plan.units[0].config, [40, 41, 39], 'measured', 0.75),
      ...reps(plan.units[1].config, [60, 61, 59], 'baseline'),
    ];
    const [point] = analyseExperiment(plan, records, 0.005).points;
    expect(point.summary?.median).toBe(40);
    expect(point.speedup?.ratio).toBeCloseTo(1.5, 12);
    expect(point.efficiency).toBeCloseTo(0.75, 12); // seed 001: 1.5× on 2 workers is 75 %
    expect(point.karpFlatt).toBeCloseTo((1 / 1.5 - 1 / 2) / (1 - 1 / 2), 12);
    expect(point.throughputRecordsPerSec).toBeCloseTo(1000 / 0.04, 6);
    expect(point.overheadShare).toBeCloseTo(0.25, 12);
    expect(point.allCorrect).toBe(true);
  });

  it('flags a point whose samples do not match the sequential digest', () => {
    const plan = planExperiment({ base, sweep: [], warmups: 0, repetitions: 1 });
    const bad = reps(plan.units[0].config, [10], 'measured', 0.5, false);
    const analysis = analyseExperiment(plan, [...bad, ...reps(plan.units[1].config, [12], 'baseline')], 0.005);
    expect(analysis.points[0].allCorrect).toBe(false);
    expect(analysis.points[0].incorrectSamples).toBe(1);
    expect(analysis.allCorrect).toBe(false);
  });

  it('fits Amdahl over a workers sweep and finds break-even over a records sweep', () => {
    const plan = planExperiment({
      base, warmups: 0, repetitions: 1,
      sweep: [{ param: 'records', values: [100, 10000] }, { param: 'workers', values: [2, 4] }],
    });
    const records: RepetitionRecord[] = [];
    for (const unit of plan.units) {
      const c = unit.config;
      // Baseline: 0.01 ms a record. Pool: 5 ms fixed overhead + Amdahl p = 0.8 on the rest.
      const seqMs = 0.01 * c.records;
      const ms = c.strategy === 'worker-seq' ? seqMs : 5 + seqMs * (0.2 + 0.8 / c.workers);
      records.push(...reps(c, [ms], unit.role));
    }
    const analysis = analyseExperiment(plan, records, 0.005);
    expect(analysis.recordsScaling.map((s) => s.workers)).toEqual([2, 4]);
    for (const s of analysis.recordsScaling) {
      expect(s.breakEven.ok && s.breakEven.fit.kind).toBe('crossing');
    }
    expect(analysis.workerScaling).toHaveLength(2);
    const small = analysis.workerScaling[0];
    expect(small.label).toBe('records 100');
    expect(small.amdahl.ok).toBe(true);
  });
});
