import { describe, expect, it } from 'vitest';
import { buildLiveMap, liveExperiment, livePointConfig, renumberForPlan, type LiveKnobs } from '../../../src/core/experiment/live-map';
import { baselineOf, configKey, planExperiment } from '../../../src/core/experiment/plan';
import type { RepetitionRecord, RunConfig } from '../../../src/core/model/types';
import { BASE_CONFIG, makeSample } from '../../helpers/run-records';

const knobs: LiveKnobs = { poolLife: 'warm', shipping: 'transfer', workRounds: 20 };

/** A repetition of `config` whose wall time is exactly `wallMs`. */
function rep(config: RunConfig, role: 'measured' | 'baseline', wallMs: number): RepetitionRecord {
  return { pointIndex: 0, repetition: 0, role, config, sample: { ...makeSample(0), wallMs } };
}

/** A live round of a point: one measured and one baseline repetition, as the live state gets them. */
function round(records: number, workers: number, msPool: number, msSeq: number): RepetitionRecord[] {
  const c = livePointConfig(BASE_CONFIG, knobs, records, workers);
  return [rep(c, 'measured', msPool), rep(baselineOf(c), 'baseline', msSeq)];
}

describe('the live map', () => {
  // 2 workers lose at 1,000 records (10 ms vs 5 ms) and win at 100,000 (60 ms vs 100 ms).
  const reps = [...round(1_000, 2, 10, 5), ...round(100_000, 2, 60, 100), ...round(100_000, 2, 60, 100)];

  it('marks the break-even of the current worker count, interpolated on log–log axes and said so', () => {
    const map = buildLiveMap({ base: BASE_CONFIG, knobs, reps, pinned: new Set(), current: { records: 100_000, workers: 2 }, timerResolutionMs: 0.005 });
    // ln(10/5) = 0.693 at log10 3, ln(60/100) = −0.511 at log10 5: zero at 10^(3 + 2 · 0.693/1.204).
    const expected = 10 ** (3 + (2 * Math.log(2)) / (Math.log(2) - Math.log(0.6)));
    expect(map.time.breakEven?.records).toBeCloseTo(expected, 6);
    expect(map.breakEven).toMatch(/interpolated on log–log axes/);
    expect(map.points.map((p) => [p.records, p.workers, p.n, p.baselineN, p.precision])).toEqual([
      [1_000, 2, 1, 1, 'live'],
      [100_000, 2, 2, 2, 'live'],
    ]);
    expect(map.cards?.speedup?.value).toBeCloseTo(100 / 60, 12);
    expect(map.time.series.map((s) => s.label)).toEqual(['1 worker (sequential baseline)', '2 workers']);
  });

  it('says why there is no break-even for a worker count with one record count measured', () => {
    const map = buildLiveMap({ base: BASE_CONFIG, knobs, reps: [...reps, ...round(1_000, 3, 8, 5)], pinned: new Set(), current: { records: 1_000, workers: 3 }, timerResolutionMs: 0.005 });
    expect(map.time.breakEven).toBeUndefined();
    expect(map.breakEven).toBe('No break-even for 3 workers yet: a break-even needs at least 2 record counts measured on both curves, got 1.');
  });

  it('marks pinned points (and their baselines) to be drawn filled', () => {
    const pinned = new Set([configKey(livePointConfig(BASE_CONFIG, knobs, 1_000, 2))]);
    const map = buildLiveMap({ base: BASE_CONFIG, knobs, reps, pinned, current: { records: 1_000, workers: 2 }, timerResolutionMs: 0.005 });
    expect(map.pinnedKeys).toEqual(['w2|1000', '1 worker (sequential baseline)|1000']);
    expect(map.points.map((p) => p.precision)).toEqual(['pinned', 'live']);
  });

  it('renumbers a session’s repetitions for its stored plan: point of each config, one count per config', () => {
    const all = [...reps, ...round(1_000, 1, 7, 5)];
    const plan = planExperiment(liveExperiment(BASE_CONFIG, knobs, all));
    // Points: records [1000, 100000] × workers [1, 2] → 0: 1k×1, 1: 1k×2, 2: 100k×1, 3: 100k×2.
    expect(renumberForPlan(plan, all).map((r) => [r.role, r.config.records, r.pointIndex, r.repetition])).toEqual([
      ['measured', 1_000, 1, 0],
      ['baseline', 1_000, 0, 0],
      ['measured', 100_000, 3, 0],
      ['baseline', 100_000, 2, 0],
      ['measured', 100_000, 3, 1],
      ['baseline', 100_000, 2, 1],
      ['measured', 1_000, 0, 0],
      ['baseline', 1_000, 0, 1],
    ]);
  });
});
