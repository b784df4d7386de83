/**
 * Summary statistics of one configuration's repetitions, as hyperfine and criterion
 * report them: centre, spread, a 95 % interval for the median, and outliers flagged —
 * never dropped, because a slow repetition (GC, a cold JIT, a busy core) is part of what
 * parallel code really costs.
 */

import { bootstrapMedianCi, type BootstrapOptions } from './bootstrap';
import { requireSamplesMs } from './errors';
import { medianSorted, quantileSorted, sortAscending, type Sorted } from './sorted';

/** Tukey's fences in ms: beyond `inner*` a sample is a mild outlier, beyond `outer*` a severe one. */
export interface TukeyFencesMs {
  innerLow: number;
  innerHigh: number;
  outerLow: number;
  outerHigh: number;
}

/** Samples outside Tukey's fences, ascending, in ms. They stay in every statistic. */
export interface OutliersMs {
  /** Outside the 1.5 × IQR fences but inside the 3 × IQR fences. */
  mild: number[];
  /** Outside the 3 × IQR fences. */
  severe: number[];
}

/**
 * A confidence interval, low end first: the one shape of an interval in every model and
 * view model (a median's in ms, a speedup's as a ratio). Only the stored record, the CSV and
 * the share-link format spell the ends out as fields of their own.
 */
export type Interval = [lo: number, hi: number];

/**
 * Summary of repeated timings. Every field is in milliseconds except `n` (a count) and
 * `cv` (a ratio).
 */
export interface Summary {
  n: number;
  median: number;
  mean: number;
  /** Sample standard deviation (divisor n − 1); 0 when n = 1. */
  sd: number;
  /** Raw median absolute deviation, median(|x − median|), NOT scaled by 1.4826. */
  mad: number;
  min: number;
  max: number;
  /** Coefficient of variation sd / mean; 0 when every sample is 0. */
  cv: number;
  /** 95 % interval of the median: seeded percentile bootstrap (see bootstrap.ts). */
  ci95: Interval;
  outliers: OutliersMs;
  fences: TukeyFencesMs;
}

/** Arithmetic mean, summed in ascending order so the result does not depend on arrival order. */
function meanSorted(sorted: Sorted): number {
  let sum = 0;
  for (const x of sorted) sum += x;
  return sum / sorted.length;
}

/**
 * Sample standard deviation with Bessel's correction, two-pass (mean first, then squared
 * deviations), which avoids the cancellation of the one-pass Σx² − n·x̄² formula
 * (Chan, Golub & LeVeque, "Algorithms for computing the sample variance", 1983).
 */
function sdSorted(sorted: Sorted, mean: number): number {
  if (sorted.length < 2) return 0;
  let squares = 0;
  for (const x of sorted) squares += (x - mean) * (x - mean);
  return Math.sqrt(squares / (sorted.length - 1));
}

/** Raw MAD: median of |x − median| (Hampel 1974); multiply by 1.4826 to estimate σ under normality. */
function madSorted(sorted: Sorted, median: number): number {
  return medianSorted(sortAscending(sorted.map((x) => Math.abs(x - median))));
}

/**
 * Tukey's fences (Tukey, "Exploratory Data Analysis", 1977): Q1 − k·IQR and Q3 + k·IQR
 * with k = 1.5 (inner) and 3 (outer), quartiles by Hyndman & Fan type 7 — the labels
 * criterion.rs prints as "mild" and "severe".
 */
export function tukeyFences(sorted: Sorted): TukeyFencesMs {
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const iqr = q3 - q1;
  return { innerLow: q1 - 1.5 * iqr, innerHigh: q3 + 1.5 * iqr, outerLow: q1 - 3 * iqr, outerHigh: q3 + 3 * iqr };
}

/** Tukey class of one sample. */
export type OutlierClass = 'none' | 'mild' | 'severe';

/** Tukey class of each sample, in the order given — for plots that colour each run (fences from `summarize`). */
export function outlierClasses(samplesMs: readonly number[], fences: TukeyFencesMs): OutlierClass[] {
  requireSamplesMs(samplesMs, 'samplesMs');
  return samplesMs.map((x) =>
    x < fences.outerLow || x > fences.outerHigh
      ? 'severe'
      : x < fences.innerLow || x > fences.innerHigh
        ? 'mild'
        : 'none',
  );
}

function classifyOutliers(sorted: Sorted, fences: TukeyFencesMs): OutliersMs {
  const classes = outlierClasses(sorted, fences);
  return {
    mild: sorted.filter((_, i) => classes[i] === 'mild'),
    severe: sorted.filter((_, i) => classes[i] === 'severe'),
  };
}

/** Summarises repeated timings (ms ≥ 0): median, mean, sd, MAD, range, CV, bootstrap CI and Tukey outliers. */
export function summarize(ms: readonly number[], options?: BootstrapOptions): Summary {
  requireSamplesMs(ms, 'ms');
  const sorted = sortAscending(ms);
  const median = medianSorted(sorted);
  const mean = meanSorted(sorted);
  const sd = sdSorted(sorted, mean);
  const fences = tukeyFences(sorted);
  return {
    n: sorted.length,
    median,
    mean,
    sd,
    mad: madSorted(sorted, median),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    // Coefficient of variation: spread relative to the mean, so one 10 % threshold fits 1 ms and 10 s runs.
    // Times are ≥ 0, so mean = 0 means every sample is 0 and there is no spread to report.
    cv: mean === 0 ? 0 : sd / mean,
    ci95: bootstrapMedianCi(sorted, options),
    outliers: classifyOutliers(sorted, fences),
    fences,
  };
}
