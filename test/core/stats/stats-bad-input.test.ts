/**
 * Every public function refuses bad input with a StatsError carrying a code — never a
 * NaN, never a silently wrong number.
 */
import { describe, expect, it } from 'vitest';
import {
  StatsError,
  type StatsErrorCode,
  amdahlCeiling,
  amdahlSpeedup,
  breakEven,
  efficiency,
  fitAmdahl,
  fitTimeModel,
  fitUsl,
  gustafsonSpeedup,
  karpFlatt,
  mulberry32,
  naiveEfficiency,
  outlierClasses,
  project,
  recommend,
  speedup,
  summarize,
  timerResolution,
  uslThroughput,
  warnings,
} from '../../../src/core/stats';

function expectCode(fn: () => unknown, code: StatsErrorCode): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StatsError);
    expect((err as StatsError).name).toBe('StatsError');
    expect((err as StatsError).code).toBe(code);
    expect((err as StatsError).message.length).toBeGreaterThan(0);
    return;
  }
  throw new Error(`expected a StatsError with code ${code}, but nothing was thrown`);
}

const model = fitTimeModel([
  { records: 10, workers: 1, ms: 1 },
  { records: 100, workers: 1, ms: 10 },
  { records: 10, workers: 2, ms: 2 },
  { records: 100, workers: 2, ms: 6 },
]);

describe('bad input → StatsError with a code', () => {
  it('summarize', () => {
    expectCode(() => summarize([]), 'empty-input');
    expectCode(() => summarize([1, Number.NaN]), 'non-finite');
    expectCode(() => summarize([1, Number.POSITIVE_INFINITY]), 'non-finite');
    expectCode(() => summarize([1, -2]), 'negative-value');
    expectCode(() => summarize([1], { resamples: 5 }), 'invalid-option');
    expectCode(() => summarize([1], { seed: -1 }), 'invalid-option');
    expectCode(() => summarize([1], { seed: 1.5 }), 'invalid-option');
  });

  it('outlierClasses', () => {
    expectCode(() => outlierClasses([1, Number.NaN], summarize([1]).fences), 'non-finite');
  });

  it('speedup, efficiency, naiveEfficiency', () => {
    expectCode(() => speedup([], [1]), 'empty-input');
    expectCode(() => speedup([1], [0]), 'zero-time');
    expectCode(() => speedup([0], [1]), 'zero-time');
    expectCode(() => efficiency(1.5, 0), 'workers-below-one');
    expectCode(() => efficiency(Number.NaN, 2), 'non-finite');
    expectCode(() => efficiency(-1, 2), 'negative-value');
    expectCode(() => naiveEfficiency([], 10, 2), 'empty-input');
    expectCode(() => naiveEfficiency([1, 2], 0, 2), 'zero-time');
    expectCode(() => naiveEfficiency([1, 2], 10, 0.5), 'workers-below-one');
  });

  it('Amdahl, Karp–Flatt, Gustafson', () => {
    expectCode(() => amdahlSpeedup(1.2, 4), 'fraction-out-of-range');
    expectCode(() => amdahlSpeedup(-0.1, 4), 'fraction-out-of-range');
    expectCode(() => amdahlSpeedup(0.5, 0), 'load-not-positive');
    expectCode(() => amdahlSpeedup(0.5, Number.POSITIVE_INFINITY), 'non-finite');
    expectCode(() => amdahlCeiling(Number.NaN), 'non-finite');
    expectCode(() => fitAmdahl([]), 'empty-input');
    expectCode(() => fitAmdahl([{ n: 1, speedup: 1 }]), 'too-few-points');
    expectCode(() => fitAmdahl([{ n: 2, speedup: 0 }]), 'non-positive');
    expectCode(() => karpFlatt(0, 4), 'non-positive');
    expectCode(() => karpFlatt(2, 0), 'load-not-positive');
    expectCode(() => gustafsonSpeedup(2, 4), 'fraction-out-of-range');
    expectCode(() => gustafsonSpeedup(0.1, 0), 'workers-below-one');
  });

  it('fitUsl and uslThroughput', () => {
    expectCode(() => fitUsl([]), 'empty-input');
    expectCode(
      () =>
        fitUsl([
          { n: 1, throughput: 10 },
          { n: 2, throughput: 19 },
          { n: 2, throughput: 18 },
        ]),
      'too-few-points',
    );
    expectCode(
      () =>
        fitUsl([
          { n: 1, throughput: 10 },
          { n: 2, throughput: -1 },
          { n: 4, throughput: 30 },
        ]),
      'negative-value',
    );
    expectCode(
      () =>
        fitUsl([
          { n: 0, throughput: 10 },
          { n: 2, throughput: 19 },
          { n: 4, throughput: 30 },
        ]),
      'load-not-positive',
    );
    expectCode(() => fitUsl([1, 2, 4].map((n) => ({ n, throughput: 0 }))), 'degenerate-data');
    expectCode(() => uslThroughput({ sigma: 0.1, kappa: 0, lambda: 1 }, 0), 'load-not-positive');
  });

  it('breakEven', () => {
    const a = [
      { records: 10, ms: 1 },
      { records: 100, ms: 10 },
    ];
    expectCode(() => breakEven([], a), 'empty-input');
    expectCode(() => breakEven(a, [{ records: 10, ms: 2 }]), 'too-few-points');
    expectCode(() => breakEven(a, [...a, { records: 10, ms: 3 }]), 'duplicate-points');
    expectCode(() => breakEven(a, [{ records: 10, ms: 0 }, a[1]]), 'zero-time');
    expectCode(() => breakEven(a, [{ records: 0, ms: 1 }, a[1]]), 'non-positive');
  });

  it('fitTimeModel and project', () => {
    expectCode(() => fitTimeModel([]), 'empty-input');
    expectCode(
      () =>
        fitTimeModel([
          { records: 10, workers: 1, ms: 1 },
          { records: 100, workers: 1, ms: 10 },
        ]),
      'too-few-points',
    );
    expectCode(() => fitTimeModel([{ records: 10, workers: 1, ms: 0 }]), 'zero-time');
    expectCode(() => project(model, -1, 2), 'negative-value');
    expectCode(() => project(model, 10, 0), 'workers-below-one');
  });

  it('recommend', () => {
    const p = { workers: 2, records: 10, medianMs: 1, ci95: [0.9, 1.1] as [number, number] };
    expectCode(() => recommend({ baseline: [], points: [p] }, 10), 'empty-input');
    expectCode(() => recommend({ baseline: [{ ...p, workers: 1 }], points: [] }, 10), 'empty-input');
    expectCode(() => recommend({ baseline: [{ ...p, workers: 1 }], points: [p, p] }, 10), 'duplicate-points');
    expectCode(() => recommend({ baseline: [{ ...p, workers: 1 }], points: [{ ...p, medianMs: 0 }] }, 10), 'zero-time');
    expectCode(() => recommend({ baseline: [{ ...p, workers: 1 }], points: [p] }, -5), 'negative-value');
  });

  it('timerResolution, warnings, mulberry32', () => {
    expectCode(() => timerResolution(() => 0), 'clock-stalled');
    expectCode(() => timerResolution(() => 0, 0), 'invalid-option');
    expectCode(() => warnings(summarize([1]), 0), 'non-positive');
    expectCode(() => warnings(summarize([1]), 0.1, { maxCv: -1 }), 'negative-value');
    expectCode(() => mulberry32(2 ** 32), 'invalid-option');
  });
});
