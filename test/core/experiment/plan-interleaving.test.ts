import { describe, expect, it } from 'vitest';
import { baselineOf, configKey, planExperiment } from '../../../src/core/experiment/plan';
import type { ExperimentConfig, RunConfig } from '../../../src/core/model/types';

const base: RunConfig = {
  seed: 42,
  records: 1000,
  format: 'fixed',
  distinctKeys: 100,
  keySkew: 0,
  payloadBytes: 16,
  costSkew: 0,
  job: 'group',
  workRounds: 0,
  strategy: 'pool',
  workers: 2,
  shipping: 'transfer',
  scheduling: 'static',
  batchSize: 100,
  poolLife: 'cold',
  varlenSplit: 'resync',
  serialFraction: 0,
};

function experiment(partial: Partial<ExperimentConfig>): ExperimentConfig {
  return { base, sweep: [], warmups: 0, repetitions: 3, ...partial };
}

describe('planExperiment', () => {
  it('runs one point and its worker-seq baseline, interleaved round by round in alternating order', () => {
    const plan = planExperiment(experiment({ warmups: 1 }));
    expect(plan.points).toHaveLength(1);
    expect(plan.units.map((u) => [u.role, u.config.strategy, u.config.workers])).toEqual([
      ['measured', 'pool', 2],
      ['baseline', 'worker-seq', 1],
    ]);
    expect(plan.steps.map((s) => `${s.kind[0]}${s.unit}.${s.round}`)).toEqual([
      'w0.0', 'w1.0', 'm0.0', 'm1.0', 'm1.1', 'm0.1', 'm0.2', 'm1.2',
    ]);
    expect(plan.measuredSteps).toBe(6);
  });

  it('shares one baseline among the points of a workers sweep', () => {
    const plan = planExperiment(experiment({ sweep: [{ param: 'workers', values: [1, 2, 4] }] }));
    expect(plan.points.map((p) => p.unit)).toEqual([0, 2, 3]);
    expect(new Set(plan.points.map((p) => p.baselineUnit))).toEqual(new Set([1]));
    expect(plan.units).toHaveLength(4);
    expect(plan.measuredSteps).toBe(12);
  });

  it('makes the cross product of two axes, first axis outermost', () => {
    const plan = planExperiment(
      experiment({
        sweep: [
          { param: 'records', values: [10, 100] },
          { param: 'workers', values: [1, 2] },
        ],
      }),
    );
    expect(plan.points.map((p) => [p.config.records, p.config.workers])).toEqual([
      [10, 1], [10, 2], [100, 1], [100, 2],
    ]);
    expect(plan.points[3].label).toBe('records 100, workers 2');
    // one baseline per record count
    expect(new Set(plan.points.map((p) => p.baselineUnit)).size).toBe(2);
  });

  it('marks a point that equals its own baseline as measured and runs it once per round', () => {
    const plan = planExperiment(experiment({ base: baselineOf(base) }));
    expect(plan.units).toHaveLength(1);
    expect(plan.units[0].role).toBe('measured');
    expect(plan.points[0].unit).toBe(plan.points[0].baselineUnit);
  });

  it('shuffles each round reproducibly with a seed, keeping every unit once per round', () => {
    const exp = experiment({ sweep: [{ param: 'workers', values: [1, 2, 3, 4, 5] }], repetitions: 4, shuffleSeed: 7 });
    const a = planExperiment(exp).steps;
    const b = planExperiment(exp).steps;
    expect(a).toEqual(b);
    for (let r = 0; r < 4; r++) {
      const round = a.filter((s) => s.round === r).map((s) => s.unit);
      expect([...round].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    }
    const orders = new Set([0, 1, 2, 3].map((r) => a.filter((s) => s.round === r).map((s) => s.unit).join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('gives equal configurations equal keys whatever the field order', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as RunConfig;
    expect(configKey(reordered)).toBe(configKey(base));
    expect(configKey({ ...base, workers: 3 })).not.toBe(configKey(base));
  });
});
