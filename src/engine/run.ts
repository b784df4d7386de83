/**
 * runOnce: one measured repetition of one RunConfig, for every strategy.
 *
 *   main        sequential on the UI thread (blocks it on purpose)
 *   main-async  N interleaved tasks on the UI thread: concurrency without parallelism
 *   worker-seq  the whole job in one worker: the sequential baseline that keeps the page alive
 *   pool        N workers, shipping × scheduling × pool life as configured
 *
 * Phases are a critical-path partition of the wall time (see phases.ts and README of the
 * engine in index.ts); the digest is compared with the sequential reference.
 */

import type { Digest, Phase, RunConfig, Sample } from '../core/model/types';
import { sharedClock, throwIfAborted, type Clock } from './clock';
import type { Ctx } from './run-context';
import { runMain, runMainAsync } from './run-main';
import { runWorkers } from './run-workers';
import { defaultWorkerFactory, WorkerPool, type WorkerFactory } from './pool';
import { referenceDigest } from './reference';
import { currentEnv, datasetSpecOf, jobSpecOf, validateRunConfig, type RunEnv } from './validate';

/** Progress of a run: the phase it is in and (approximately) how many records are done. */
export interface RunProgress {
  phase: Phase;
  recordsDone: number;
  recordsTotal: number;
}

export interface RunOptions {
  /** Cancels the run: workers are terminated at once and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /**
   * A warm pool to run on (poolLife 'warm' only; its size must equal the worker count).
   * Without one, warm runs use a cached pool per size, created (and reported) once.
   */
  pool?: WorkerPool;
  /** The sequential reference digest, if the caller has it; otherwise computed in a worker and cached. */
  reference?: Digest;
  onProgress?: (p: RunProgress) => void;
  /** Shared-clock source (tests may fake it for main-thread milestones). */
  clock?: Clock;
  workerFactory?: WorkerFactory;
  /** Environment for validation (defaults to this page's). */
  env?: RunEnv;
  /** Spawn + init timeout of a pool, ms. */
  initTimeoutMs?: number;
}

/** A Sample plus what the engine knows beyond the shared shape. */
export interface EngineSample extends Sample {
  /** The sequential reference the digest was compared with. */
  reference: Digest;
  /** Why the sample is incorrect (absent when correct). */
  message?: string;
  /** Result of the serial (Amdahl) work when serialFraction > 0: observable, never in the digest. */
  serialResult?: number;
}

/** Least time between two progress reports within one phase, ms. */
const PROGRESS_INTERVAL_MS = 50;

/**
 * Runs one repetition of `config` and returns its sample. Validates first (ConfigError
 * before anything starts), gets the reference digest (outside the timing), then times
 * the run. Rejects with an AbortError on cancel, a WorkerRunError when a worker throws.
 */
export async function runOnce(config: RunConfig, opts: RunOptions = {}): Promise<EngineSample> {
  validateRunConfig(config, opts.env ?? currentEnv());
  const signal = opts.signal;
  throwIfAborted(signal);
  const factory = opts.workerFactory ?? defaultWorkerFactory;
  const spec = datasetSpecOf(config);
  const job = jobSpecOf(config);
  const reference = opts.reference ?? (await referenceDigest(spec, job, { signal, factory }));
  throwIfAborted(signal);
  const onProgress = opts.onProgress;
  // Every phase change is reported; updates within a phase at most every 50 ms.
  let lastPhase: Phase | null = null;
  let lastAt = 0;
  const ctx: Ctx = {
    config,
    spec,
    job,
    clock: opts.clock ?? sharedClock,
    signal,
    factory,
    reference,
    initTimeoutMs: opts.initTimeoutMs,
    progress: onProgress
      ? (phase, recordsDone = 0) => {
          const t = performance.now();
          if (phase === lastPhase && t - lastAt < PROGRESS_INTERVAL_MS) return;
          lastPhase = phase;
          lastAt = t;
          onProgress({ phase, recordsDone, recordsTotal: config.records });
        }
      : () => {},
  };
  switch (config.strategy) {
    case 'main':
      return runMain(ctx);
    case 'main-async':
      return runMainAsync(ctx);
    case 'worker-seq':
      return runWorkers(ctx, 1, opts.pool);
    case 'pool':
      return runWorkers(ctx, config.workers, opts.pool);
  }
}

