/**
 * A tiny seeded PRNG so that every bootstrap interval is reproducible: the same samples
 * and seed give the same interval in Node, in a worker and in the page, today and after
 * a reload from IndexedDB. Math.random() cannot promise any of that.
 */

import { StatsError } from './errors';

/** The seed every bootstrap uses unless told otherwise (any fixed 32-bit value would do). */
export const DEFAULT_SEED = 0x5eed_2024;

/** Throws unless `seed` is an integer in [0, 2^32 − 1]. */
export function requireSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new StatsError('invalid-option', `seed must be an integer in [0, 2^32 − 1], got ${String(seed)}`);
  }
}

/**
 * mulberry32: returns a generator of uniform floats in [0, 1).
 * Source: Tommy Ettinger's mulberry32 (public domain), as collected in
 * bryc, "PRNGs.md" (github.com/bryc/code/blob/master/jshash/PRNGs.md). 32-bit state,
 * period 2^32 — ample for a few thousand resamples of a few hundred samples.
 */
export function mulberry32(seed: number): () => number {
  requireSeed(seed);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
