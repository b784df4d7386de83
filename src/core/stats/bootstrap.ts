/**
 * Seeded percentile bootstrap (Efron & Tibshirani, "An Introduction to the Bootstrap",
 * Chapman & Hall 1993, ch. 13): resample the samples with replacement B times, take the
 * statistic of each resample, and report the 2.5 % and 97.5 % quantiles of those B values
 * as the 95 % interval. Chosen because it needs no normality assumption (run times are
 * skewed) and works for a median and a ratio of medians alike. Known limit: with very few
 * samples (n < ~10) the interval is coarse and tends to be too narrow — the UI should
 * show n next to it. The interval of a RATIO of two medians (the speedup) was measured
 * instead: 95.5–98.3 % coverage at n = 5, 9, 15 on seeded lognormal samples with and without
 * outliers (test/core/stats-bootstrap-coverage.test.ts; the numbers are in the README).
 */

import { StatsError } from './errors';
import { DEFAULT_SEED, mulberry32, requireSeed } from './random';
import { quantileSorted, type Sorted } from './sorted';

/** Resamples drawn when no option says otherwise: enough for stable 2.5 %/97.5 % tails. */
export const DEFAULT_RESAMPLES = 5000;

/** How a bootstrap is drawn. Same options + same samples = same interval, everywhere. */
export interface BootstrapOptions {
  /** Number of resamples B, an integer in [100, 100 000]; default 5000. */
  resamples?: number;
  /** PRNG seed, an integer in [0, 2^32 − 1]; default `DEFAULT_SEED`. */
  seed?: number;
}

/** Validates bootstrap options and fills in the defaults. */
export function resolveBootstrapOptions(options: BootstrapOptions = {}): Required<BootstrapOptions> {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(resamples) || resamples < 100 || resamples > 100_000) {
    throw new StatsError('invalid-option', `resamples must be an integer in [100, 100000], got ${String(resamples)}`);
  }
  requireSeed(seed);
  return { resamples, seed };
}

/**
 * Median of one resample-with-replacement of `sorted`, in O(n) without sorting: because
 * `sorted` is ascending, the k-th smallest resampled value is `sorted[j]` for the k-th
 * smallest drawn index j, so counting how often each index is drawn is enough.
 * `counts` is scratch space of length n, reused across resamples.
 */
function resampleMedian(sorted: Sorted, counts: Int32Array, rng: () => number): number {
  const n = sorted.length;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[Math.floor(rng() * n)]++;
  // Same median definition as medianSorted: middle order statistic(s), 0-based.
  const kLow = (n - 1) >> 1;
  const kHigh = n >> 1;
  let seen = 0;
  let low = sorted[n - 1];
  for (let j = 0; j < n; j++) {
    const before = seen;
    seen += counts[j];
    if (before <= kLow && seen > kLow) low = sorted[j];
    if (seen > kHigh) return kLow === kHigh ? low : (low + sorted[j]) / 2;
  }
  return low;
}

/**
 * 2.5 % and 97.5 % quantiles (Hyndman & Fan type 7) of bootstrap replicates, sorted in
 * place: a Float64Array sorts numerically, and quantileSorted only indexes it.
 */
function percentileInterval(replicates: Float64Array): [number, number] {
  const sorted = replicates.sort() as unknown as Sorted;
  return [quantileSorted(sorted, 0.025), quantileSorted(sorted, 0.975)];
}

/**
 * Intervals already drawn, by (resamples, seed, samples). A run's results are re-analysed
 * while it streams in, and every point's interval was drawn again each time (5,000
 * resamples each: tens of ms a refresh, measured as main-thread long tasks during a sweep).
 * The answer depends only on the key, so a hit is exact. Bounded: oldest entries go first.
 */
const intervalCache = new Map<string, [number, number]>();
const INTERVAL_CACHE_ENTRIES = 1024;

function cached(key: string, draw: () => [number, number]): [number, number] {
  const hit = intervalCache.get(key);
  if (hit) return [hit[0], hit[1]];
  const value = draw();
  if (intervalCache.size >= INTERVAL_CACHE_ENTRIES) intervalCache.delete(intervalCache.keys().next().value!);
  intervalCache.set(key, value);
  return [value[0], value[1]];
}

/** 95 % percentile-bootstrap interval of the median of `sorted` (a single sample gives [x, x]). */
export function bootstrapMedianCi(sorted: Sorted, options?: BootstrapOptions): [number, number] {
  const { resamples, seed } = resolveBootstrapOptions(options);
  return cached(`m ${resamples} ${seed} ${sorted.join(',')}`, () => drawMedianCi(sorted, resamples, seed));
}

function drawMedianCi(sorted: Sorted, resamples: number, seed: number): [number, number] {
  const rng = mulberry32(seed);
  const counts = new Int32Array(sorted.length);
  const medians = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) medians[b] = resampleMedian(sorted, counts, rng);
  return percentileInterval(medians);
}

/**
 * 95 % percentile-bootstrap interval of median(numerator) / median(denominator), the two
 * sides resampled independently (they are independent runs). The caller guarantees every
 * denominator sample is > 0, so no replicate divides by zero.
 */
export function bootstrapRatioOfMediansCi(
  numerator: Sorted,
  denominator: Sorted,
  options?: BootstrapOptions,
): [number, number] {
  const { resamples, seed } = resolveBootstrapOptions(options);
  return cached(`r ${resamples} ${seed} ${numerator.join(',')} / ${denominator.join(',')}`, () =>
    drawRatioCi(numerator, denominator, resamples, seed),
  );
}

function drawRatioCi(numerator: Sorted, denominator: Sorted, resamples: number, seed: number): [number, number] {
  const rng = mulberry32(seed);
  const countsNum = new Int32Array(numerator.length);
  const countsDen = new Int32Array(denominator.length);
  const ratios = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    const num = resampleMedian(numerator, countsNum, rng);
    const den = resampleMedian(denominator, countsDen, rng);
    ratios[b] = num / den;
  }
  return percentileInterval(ratios);
}
