/** By default every configuration stands in every position of a round equally often, and follows every other equally often. */
import { describe, expect, it } from 'vitest';
import { williamsCycle, williamsOrder } from '../../../src/core/experiment/counterbalance';
import { planExperiment } from '../../../src/core/experiment/plan';
import { defaultExperiment } from '../../../src/core/model/config';
import type { ExperimentConfig } from '../../../src/core/model/types';

/** counts[unit][position] and follows[before][after] over the measurement rounds of a plan. */
function tally(experiment: ExperimentConfig) {
  const plan = planExperiment(experiment);
  const n = plan.units.length;
  const counts = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const follows = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let r = 0; r < experiment.repetitions; r++) {
    const round = plan.steps.filter((s) => s.kind === 'measure' && s.round === r).map((s) => s.unit);
    expect(new Set(round).size).toBe(n);
    round.forEach((u, position) => counts[u][position]++);
    for (let j = 1; j < n; j++) follows[round[j - 1]][round[j]]++;
  }
  return { n, counts, follows };
}

function sweepOf(workers: number[], repetitions: number): ExperimentConfig {
  const e = defaultExperiment();
  return { ...e, base: { ...e.base, strategy: 'pool' }, sweep: [{ param: 'workers', values: workers }], warmups: 0, repetitions };
}

describe('counterbalanced run order (the default)', () => {
  it('puts every unit in every position equally often over a sweep (5 units, odd)', () => {
    // 4 worker counts + the shared worker-seq baseline = 5 units; one Williams cycle is 10 rounds.
    const { n, counts, follows } = tally(sweepOf([2, 3, 4, 5], 10));
    expect(n).toBe(5);
    for (const row of counts) expect(row).toEqual([2, 2, 2, 2, 2]);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) expect(follows[a][b]).toBe(2);
  });

  it('puts every unit in every position equally often over a sweep (4 units, even)', () => {
    const { n, counts, follows } = tally(sweepOf([2, 3, 4], 8));
    expect(n).toBe(4);
    for (const row of counts) expect(row).toEqual([2, 2, 2, 2]);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) expect(follows[a][b]).toBe(2);
  });

  it('never lets the baseline run first in every round, even with few repetitions', () => {
    const plan = planExperiment(sweepOf([2], 3));
    const firsts = [0, 1, 2].map((r) => plan.steps.find((s) => s.kind === 'measure' && s.round === r)!.unit);
    expect(firsts).toEqual([0, 1, 0]);
  });

  it('keeps the fixed order when asked to (for teaching)', () => {
    const { counts } = tally({ ...sweepOf([2, 3, 4, 5], 10), fixedOrder: true });
    counts.forEach((row, unit) => expect(row[unit]).toBe(10));
  });

  it('builds Williams squares of any size', () => {
    expect(williamsOrder(4, 0)).toEqual([0, 1, 3, 2]);
    expect(williamsOrder(4, 1)).toEqual([1, 2, 0, 3]);
    expect(williamsOrder(3, 3)).toEqual([2, 1, 0]);
    expect(williamsOrder(1, 5)).toEqual([0]);
    expect(williamsOrder(0, 0)).toEqual([]);
    expect([1, 2, 3, 4, 5, 6].map(williamsCycle)).toEqual([1, 2, 6, 4, 10, 6]);
    expect(() => williamsOrder(-1, 0)).toThrow(RangeError);
  });
});
