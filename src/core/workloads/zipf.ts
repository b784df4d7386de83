/**
 * Zipf key ranks: a cumulative table quantised to u32 thresholds, searched with the
 * record's u32 draw. Built once per (K, s) and cached (a 2^20-key table is 8 MB).
 * Caveat: Math.pow is implementation-approximated in ECMAScript, so two different JS
 * engines could in principle round a weight differently; quantising to integer
 * thresholds makes a visible difference need a rounding error at a threshold edge.
 * All realms of one browser share one engine, so they always agree.
 */

import { TWO_POW_32 } from './record';

const zipfCache = new Map<string, Float64Array>();
const ZIPF_CACHE_SIZE = 4;

/** Cumulative u32 thresholds of Zipf(s) over ranks 0 … K−1 (last one 2^32). */
export function zipfThresholds(keys: number, s: number): Float64Array {
  const id = `${keys}|${s}`;
  let t = zipfCache.get(id);
  if (t) return t;
  t = new Float64Array(keys);
  let sum = 0;
  for (let k = 0; k < keys; k++) {
    sum += Math.pow(k + 1, -s);
    t[k] = sum;
  }
  const scale = TWO_POW_32 / sum;
  for (let k = 0; k < keys; k++) t[k] = Math.floor(t[k] * scale);
  t[keys - 1] = TWO_POW_32; // every u32 draw finds a rank
  if (zipfCache.size >= ZIPF_CACHE_SIZE) zipfCache.delete(zipfCache.keys().next().value!);
  zipfCache.set(id, t);
  return t;
}

/** Smallest rank k with u < t[k] (t nondecreasing, t[last] = 2^32 > u). */
export function zipfRank(t: Float64Array, u: number): number {
  let lo = 0;
  let hi = t.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (u < t[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
