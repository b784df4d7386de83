/**
 * Speedup and efficiency measured against a sequential baseline run on the same data
 * in the same page — and, for one lesson, the broken "efficiency" of seed 001.
 */

import { bootstrapRatioOfMediansCi, type BootstrapOptions } from './bootstrap';
import { requireFinite, requireNonNegative, requirePositiveTime, requireSamplesMs, requireWorkers } from './errors';
import { medianSorted, sortAscending } from './sorted';
import type { Interval } from './summarize';

/** Speedup of a parallel configuration over its baseline, with the medians it came from. */
export interface SpeedupResult {
  /** median(baseline) / median(parallel): > 1 means the parallel run was faster. */
  ratio: number;
  /** 95 % percentile-bootstrap interval of the ratio, each side resampled independently. */
  ci95: Interval;
  baselineMedianMs: number;
  parallelMedianMs: number;
}

/**
 * Speedup S = T₁ / T_N (Amdahl 1967; Hennessy & Patterson, "Computer Architecture", §1.9)
 * as the ratio of median times, with a seeded bootstrap CI. Every sample must be > 0 ms:
 * a 0 ms sample is below the timer's resolution and would make the ratio infinite.
 */
export function speedup(
  baselineMs: readonly number[],
  parallelMs: readonly number[],
  options?: BootstrapOptions,
): SpeedupResult {
  requireSamplesMs(baselineMs, 'baselineMs');
  requireSamplesMs(parallelMs, 'parallelMs');
  baselineMs.forEach((x, i) => requirePositiveTime(x, `baselineMs[${i}]`));
  parallelMs.forEach((x, i) => requirePositiveTime(x, `parallelMs[${i}]`));
  const baseline = sortAscending(baselineMs);
  const parallel = sortAscending(parallelMs);
  const baselineMedianMs = medianSorted(baseline);
  const parallelMedianMs = medianSorted(parallel);
  return {
    ratio: baselineMedianMs / parallelMedianMs,
    ci95: bootstrapRatioOfMediansCi(baseline, parallel, options),
    baselineMedianMs,
    parallelMedianMs,
  };
}

/** Parallel efficiency E = S / N (Eager, Zahorjan & Lazowska, IEEE Trans. Computers 38(3), 1989): 1 is ideal. */
export function efficiency(speedup: number, workers: number): number {
  requireNonNegative(speedup, 'speedup');
  requireWorkers(workers);
  return speedup / workers;
}

/**
 * The "efficiency" seed 001's parallel_coordinator.py computed: Σ per-item times ÷ (wall × workers).
 * Kept ONLY so a lesson can show it beside `efficiency` and explain why it misleads: per-item
 * times measured inside a parallel run include queueing and contention, so their sum is not the
 * sequential time and the result can exceed 100 %. Never use it to judge a run.
 */
export function naiveEfficiency(perItemMs: readonly number[], wallMs: number, workers: number): number {
  requireSamplesMs(perItemMs, 'perItemMs');
  requirePositiveTime(wallMs, 'wallMs');
  requireWorkers(workers);
  let sumMs = 0;
  for (const x of perItemMs) sumMs += x;
  requireFinite(sumMs, 'sum of perItemMs');
  return sumMs / (wallMs * workers);
}
