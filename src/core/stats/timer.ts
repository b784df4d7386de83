/**
 * Is this measurement trustworthy? The observed clock resolution and the warnings
 * hyperfine-style tools print: too short to time, too noisy, a cold first run, severe
 * outliers. The clock is injected so this runs against performance.now() in a page or
 * worker and against a fake clock in tests.
 */

import { StatsError, requireNonNegative, requirePositive } from './errors';
import type { Summary } from './summarize';

/**
 * Smallest positive step between consecutive readings of `now` (ms): an upper bound on the
 * clock's resolution as this realm sees it (5 µs cross-origin isolated, 100 µs otherwise in
 * Chromium, plus jitter). Reads until `samples` steps were seen (so it busy-waits about
 * samples × resolution: 5 ms for 50 steps of a 100 µs clock), giving up after 10⁷ reads.
 */
export function timerResolution(now: () => number, samples = 50): number {
  if (!Number.isInteger(samples) || samples < 1) {
    throw new StatsError('invalid-option', `samples must be an integer ≥ 1, got ${String(samples)}`);
  }
  let smallest = Number.POSITIVE_INFINITY;
  let steps = 0;
  let previous = now();
  for (let reads = 0; steps < samples && reads < 10_000_000; reads++) {
    const current = now();
    const step = current - previous;
    if (step > 0) {
      steps++;
      if (step < smallest) smallest = step;
    }
    previous = current;
  }
  if (steps === 0 || !Number.isFinite(smallest)) {
    throw new StatsError('clock-stalled', 'the clock did not advance in 10⁷ readings');
  }
  return smallest;
}

/** Machine-readable reason for a warning. */
export type WarningCode = 'below-resolution' | 'high-noise' | 'cold-start' | 'severe-outliers';

/** A caveat about a summary, with an English message for the UI. */
export interface MeasurementWarning {
  code: WarningCode;
  message: string;
}

/** Thresholds of `warnings`; every field optional. */
export interface WarningOptions {
  /** The samples in the order they ran; without them the cold-start check is skipped. */
  samplesMs?: readonly number[];
  /** Warn when median < this × resolution; default 100 (≈ 1 % quantisation error). */
  minResolutionMultiple?: number;
  /** Warn when CV exceeds this; default 0.10. */
  maxCv?: number;
  /** The first sample must also be ≥ this × median to count as a cold start; default 1.5. */
  coldStartRatio?: number;
}

/** hyperfine's outlier threshold on the modified z-score: 10 "sigmas" of 1.4826·MAD. */
const MODIFIED_Z_THRESHOLD = 1.4826 * 10;

/**
 * Warnings for a summary: median shorter than 100× the timer resolution; CV above 10 %;
 * a first run much slower than the rest (needs `samplesMs` in run order); severe Tukey
 * outliers. Empty when the measurement looks sound.
 */
export function warnings(summary: Summary, resolutionMs: number, options: WarningOptions = {}): MeasurementWarning[] {
  requirePositive(resolutionMs, 'resolutionMs');
  const minResolutionMultiple = options.minResolutionMultiple ?? 100;
  const maxCv = options.maxCv ?? 0.1;
  const coldStartRatio = options.coldStartRatio ?? 1.5;
  requirePositive(minResolutionMultiple, 'minResolutionMultiple');
  requireNonNegative(maxCv, 'maxCv');
  requirePositive(coldStartRatio, 'coldStartRatio');

  const out: MeasurementWarning[] = [];
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  // Three significant digits: enough to act on, and no 0.30000000000000004 in the UI.
  const ms = (x: number): string => `${Number(x.toPrecision(3))} ms`;

  if (summary.median < minResolutionMultiple * resolutionMs) {
    out.push({
      code: 'below-resolution',
      message:
        `The median run (${ms(summary.median)}) is shorter than ${minResolutionMultiple}× the timer resolution ` +
        `(${ms(resolutionMs)}), so rounding alone can move it by more than ${pct(1 / minResolutionMultiple)}. ` +
        'Use more records per run.',
    });
  }
  if (summary.cv > maxCv) {
    out.push({
      code: 'high-noise',
      message: `Runs vary a lot (CV ${pct(summary.cv)} > ${pct(maxCv)}): close other tabs or add repetitions.`,
    });
  }
  const first = options.samplesMs?.[0];
  if (first !== undefined) {
    requireNonNegative(first, 'samplesMs[0]');
    // hyperfine's rule (modified z-score of the first run, Iglewicz & Hoaglin 1993) plus a
    // ratio floor, so one tick of a coarse clock over a MAD of 0 does not count as cold.
    const madMs = summary.mad > 0 ? summary.mad : Number.EPSILON;
    const modifiedZ = (first - summary.median) / madMs;
    if (modifiedZ > MODIFIED_Z_THRESHOLD && first >= coldStartRatio * summary.median) {
      out.push({
        code: 'cold-start',
        message:
          `The first run (${ms(first)}) was much slower than the median (${ms(summary.median)}): ` +
          'JIT warm-up or cold caches. Add warm-up runs.',
      });
    }
  }
  if (summary.outliers.severe.length > 0) {
    out.push({
      code: 'severe-outliers',
      message:
        `${summary.outliers.severe.length} of ${summary.n} runs are severe outliers (beyond 3 × IQR); ` +
        'they are kept in the statistics.',
    });
  }
  return out;
}
