/**
 * Counter-based pseudo-random numbers: the value for (seed, record i, lane) is a pure
 * hash of those three integers. Record i never depends on record i−1, so any shard of
 * a dataset is generated without generating the others, in any realm, bit for bit.
 *
 * Everything is 32-bit integer arithmetic (Math.imul, shifts), which ECMAScript defines
 * exactly; no floating-point function whose rounding is implementation-defined is used
 * here.
 */

/** Murmur3's 32-bit finaliser: a bijective avalanche mixer on u32 values. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * A second bijective u32 mixer (Wellons' "lowbias32"), with constants unrelated to
 * mix32, so values passed through both are not correlated.
 */
export function mix32b(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** The per-dataset key derived from a seed (0 … 2^32−1). */
export function seedKey(seed: number): number {
  return mix32((seed ^ 0x2545f491) >>> 0);
}

/** The per-record base hash from which all of record i's lanes are derived. */
export function recordBase(sk: number, i: number): number {
  // i < 2^32 (records ≤ MAX_RECORDS), so Math.imul sees the exact index.
  return mix32(Math.imul(i, 0x9e3779b1) ^ sk);
}

/** Lane `lane` (a small integer) of a record's random values: a uniform u32. */
export function laneHash(base: number, lane: number): number {
  return mix32b((base + Math.imul(lane + 1, 0x632be5ab)) | 0);
}

/** The u32 random value for (seed, record, lane): what the generator uses, as one call. */
export function hash32(seed: number, record: number, lane: number): number {
  return laneHash(recordBase(seedKey(seed), record), lane);
}

/**
 * floor(u · n / 2^32) for a u32 `u`: a uniform integer in [0, n).
 * Exact only while u · n < 2^53, i.e. n ≤ 2^21; callers keep to that.
 */
export function uniformBelow(u: number, n: number): number {
  return Math.floor((u * n) / 4294967296);
}
