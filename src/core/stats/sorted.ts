/**
 * Order statistics over samples that are known to be sorted. As in tinybench, the
 * "sorted" promise is a branded type: only `sortAscending` makes a `Sorted`, so a
 * quantile can never be taken of an unsorted array by accident, and every statistic
 * computed from it is independent of the order the samples arrived in.
 */

declare const sortedBrand: unique symbol;

/** Finite numbers in ascending order. Make one with `sortAscending`. */
export type Sorted = readonly number[] & { readonly [sortedBrand]: 'ascending' };

/** Returns an ascending copy of `values` (the input is left untouched). */
export function sortAscending(values: readonly number[]): Sorted {
  // A typed-array sort is numeric (no comparator to get wrong) and fast.
  return Array.from(Float64Array.from(values).sort()) as unknown as Sorted;
}

/**
 * Quantile of sorted samples by linear interpolation between order statistics.
 * Definition 7 of Hyndman & Fan, "Sample quantiles in statistical packages",
 * The American Statistician 50(4), 1996 — the default of R's quantile() and NumPy:
 * h = (n − 1)·prob, Q = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
 */
export function quantileSorted(sorted: Sorted, prob: number): number {
  const h = (sorted.length - 1) * prob;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  const frac = h - lo;
  // Skip the multiply when h is a whole index, so Q1 of [1,2,3,4,5] is exactly 2.
  return frac === 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

/** Median of any samples (sorted here); NaN for none. */
export function median(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : medianSorted(sortAscending(values));
}

/** Median of sorted samples: the middle value, or the mean of the two middle values. */
export function medianSorted(sorted: Sorted): number {
  const n = sorted.length;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
