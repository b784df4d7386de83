/**
 * The parallel engine: worker pool, strategies, shipping, scheduling, phase clocks,
 * cancel, fault handling and run validation.
 *
 * Phases (types.ts PHASES) are a critical-path partition of a sample's wall time, cut by
 * milestones on the shared clock (performance.timeOrigin + performance.now() in every realm):
 *   spawn     run start → every new worker's ready signal (cold pools; warm pools once)
 *   init      → every init call returned (warm pools: includes discarded JIT warm-up calls)
 *   generate  → the dataset exists on the main thread (generate-in-worker: the critical
 *               worker's own generation time)
 *   split     → cuts/batches planned (varlen + index: the serial index pass)
 *   compute   the serial (Amdahl) part + the critical worker's busy time processing records
 *   shipIn    the rest of [dispatch, critical worker done]: posting, cloning, waiting for batches
 *   shipOut   critical worker done → its partial received on the main thread
 *   merge     merging partials + digest on the main thread
 *   teardown  terminating a cold pool
 * The critical worker is the one whose result arrived last. Wall time − Σ phases is the
 * harness overhead (sample assembly), microseconds.
 */

export { runOnce, type EngineSample, type RunOptions, type RunProgress } from './run';
export { WorkerRunError } from './run-workers';
export {
  createPool,
  defaultWorkerFactory,
  disposeWarmPools,
  liveWorkerCount,
  rawPing,
  spawnOne,
  WorkerPool,
  DEFAULT_INIT_TIMEOUT_MS,
  type PoolOptions,
  type PoolWorker,
  type SpawnReport,
  type WorkerFactory,
} from './pool';
export { referenceDigest, clearReferenceCache } from './reference';
// A user's data file runs through './userdata', imported directly where it is used so the
// file readers load only when a file is run, not with the page.
export {
  currentEnv,
  estimateRunBytes,
  estimateRunBytesDetail,
  memoryBudgetBytes,
  runConfigProblems,
  validateRunConfig,
  workerCap,
  DEFAULT_MEMORY_BUDGET_BYTES,
  HARD_WORKER_LIMIT,
  type RunBytesEstimate,
  type RunEnv,
} from './validate';
export { sharedClock, yieldToEventLoop, isAbortError, type Clock } from './clock';
export { phasesTotalMs } from './phases';
