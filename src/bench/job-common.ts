/** What the bench's jobs share: the run config they start from, timing a run, timing a call. */

import { DEFAULT_RUN_CONFIG } from '../core/model/config';
import type { DatasetSpec, RunConfig } from '../core/model/types';
import { runOnce, type EngineSample } from '../engine';
import { datasetSpecOf } from '../engine/validate';

/** True when this page can run shipping `shared` (SharedArrayBuffer and Atomics). */
export function hasSharedMemory(): boolean {
  return globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object';
}

/** A run config for the bench: the playground's defaults, a fixed seed, then `patch`. */
export function cfg(patch: Partial<RunConfig>): RunConfig {
  return { ...DEFAULT_RUN_CONFIG, seed: 7, ...patch };
}

export function specOf(c: RunConfig): DatasetSpec {
  return datasetSpecOf(c);
}

export function check(sample: EngineSample, what: string): EngineSample {
  if (!sample.correct) throw new Error(`${what}: the engine's digest is wrong: ${sample.message ?? ''}`);
  return sample;
}

/** Runs `config` on the engine, timed from the caller's side (validation and all). */
export async function timedRun(config: RunConfig, opts: Parameters<typeof runOnce>[1], what: string): Promise<{ ms: number; sample: EngineSample }> {
  const t0 = performance.now();
  const sample = check(await runOnce(config, opts), what);
  return { ms: performance.now() - t0, sample };
}

/**
 * Per-call round-trip time of `calls` sequential awaits of `fn`, µs: the block's 10 %-trimmed
 * mean. A median of single calls would be quantised to the 5 µs timer step; the trimmed mean
 * keeps the resolution and still drops a GC pause or a descheduled thread.
 */
export async function callLatencyUs(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const each: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now();
    await fn();
    each.push((performance.now() - t0) * 1000);
  }
  each.sort((a, b) => a - b);
  const cut = Math.floor(calls / 10);
  const kept = each.slice(cut, calls - cut);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}
