/**
 * Run-config validation: everything is refused here, before a worker is spawned or a byte
 * generated, with a ConfigError naming the field and what is allowed.
 */

import type { ConfigProblem, DatasetSpec, JobSpec, RunConfig } from '../core/model/types';
import { WORKER_HARD_LIMIT as HARD_WORKER_LIMIT, configProblems, usesShipping, workerCap } from '../core/model/config';
import { pageCapabilities } from './environment';
import { estimateBytes, throwFirst } from '../core/workloads';
import { needsIndex } from './dataset';
import type { RunEnv } from '../core/model/environment';
import { formatBytes } from '../core/view/format';

// One rule for the form and the engine: the cap lives in core/model/config.
export { HARD_WORKER_LIMIT, workerCap };

/** Memory budget when the device says nothing: 1 GiB. */
export const DEFAULT_MEMORY_BUDGET_BYTES = 1024 * 1024 * 1024;
/** Bytes per group key in one aggregate table (count, 64-bit sum, min, max, key, slack). */
export const TABLE_BYTES_PER_KEY = 48;

/** What validation needs to know about the page it runs in: a view of the one Environment. */
export type { RunEnv };

/** The current page's environment. */
export function currentEnv(): RunEnv {
  const nav = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  const env: RunEnv = {
    hardwareConcurrency: nav?.hardwareConcurrency || 1,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    ...(({ sharedArrayBuffer, moduleWorkers }) => ({ sharedArrayBuffer, moduleWorkers }))(pageCapabilities()),
  };
  if (typeof nav?.deviceMemory === 'number') env.deviceMemoryGiB = nav.deviceMemory;
  return env;
}

/** Memory a run may use: 1 GiB, or a quarter of navigator.deviceMemory when that is lower. */
export function memoryBudgetBytes(deviceMemoryGiB?: number): number {
  if (typeof deviceMemoryGiB !== 'number' || !(deviceMemoryGiB > 0)) return DEFAULT_MEMORY_BUDGET_BYTES;
  return Math.min(DEFAULT_MEMORY_BUDGET_BYTES, (deviceMemoryGiB * 1024 * 1024 * 1024) / 4);
}

/** The parts of a run's memory estimate, bytes. */
export interface RunBytesEstimate {
  datasetBytes: number;
  /** Peak copies of the dataset alive at once (generation chunks, slices, clones). */
  datasetCopies: number;
  indexBytes: number;
  tableBytes: number;
  totalBytes: number;
}

export { usesShipping };

/**
 * Estimate of a run's peak memory: dataset × the copies that exist at once, plus index and
 * per-lane tables. Generating `fixed` data writes it straight into its final buffer (1 copy;
 * measured 1.02× for a 10 M-record transfer run, npm run bench memory-10m); varlen and csv
 * are generated in chunks and then assembled (2). Shipping adds the clones in the workers
 * for static `copy`, and the slices cut from one indexed varlen buffer.
 */
export function estimateRunBytesDetail(config: RunConfig): RunBytesEstimate {
  const datasetBytes = estimateBytes(datasetSpecOf(config));
  const generation = config.format === 'fixed' ? 1 : 2;
  const sliced = needsIndex(config.format, config.varlenSplit) && config.scheduling === 'static';
  let datasetCopies: number;
  if (!usesShipping(config.strategy)) {
    datasetCopies = generation;
  } else if (config.shipping === 'generate-in-worker') {
    datasetCopies = 1; // each worker holds only its own shard or batch
  } else if (config.shipping === 'copy' && config.scheduling === 'static') {
    datasetCopies = sliced ? 3 : 2; // each worker's piece (or the dataset and its slices) + the clones in the workers
  } else {
    datasetCopies = Math.max(generation, sliced ? 2 : 1); // the dataset (+ slices of an indexed one); batches in flight are small
  }
  const indexBytes = config.format === 'varlen' && config.varlenSplit === 'index' ? 4 * (config.records + 1) : 0;
  const lanes = config.strategy === 'main' || config.strategy === 'worker-seq' ? 1 : Math.max(1, config.workers);
  const tableBytes = (lanes + 1) * config.distinctKeys * TABLE_BYTES_PER_KEY;
  const totalBytes = datasetBytes * datasetCopies + indexBytes + tableBytes;
  return { datasetBytes, datasetCopies, indexBytes, tableBytes, totalBytes };
}

/** Peak bytes a run is expected to hold (see estimateRunBytesDetail). */
export function estimateRunBytes(config: RunConfig): number {
  return estimateRunBytesDetail(config).totalBytes;
}

/** The dataset part of a run config. */
export function datasetSpecOf(c: DatasetSpec): DatasetSpec {
  return {
    seed: c.seed,
    records: c.records,
    format: c.format,
    distinctKeys: c.distinctKeys,
    keySkew: c.keySkew,
    payloadBytes: c.payloadBytes,
    costSkew: c.costSkew,
  };
}

/** The job part of a run config. */
export function jobSpecOf(c: JobSpec): JobSpec {
  const job: JobSpec = { job: c.job, workRounds: c.workRounds };
  if (c.faultAtRecord !== undefined) job.faultAtRecord = c.faultAtRecord;
  return job;
}

/**
 * Every reason the run must not start, as data: the field rules the form checks every point
 * with (core/model/validate configProblems: each field's type and range, the worker cap, a
 * dynamic batch within the records, `shared` only where it can run), then what needs the
 * engine: module workers, and the memory budget once every field is valid. The form shows
 * them all; `validateRunConfig` throws the first.
 */
export function runConfigProblems(config: RunConfig, env: RunEnv): ConfigProblem[] {
  const problems = configProblems(config, env);
  if (env.moduleWorkers === false) {
    problems.push({
      field: 'strategy',
      allowed:
        'run in a browser that starts module workers: this one does not, and every run needs one (the sequential reference digest is computed in a worker)',
      got: config.strategy,
    });
  }
  // The memory estimate of a configuration with a bad field means nothing (NaN records,
  // an unknown format): the budget is checked only once every field is valid.
  if (problems.length === 0) {
    const memory = memoryProblem(config, env);
    if (memory) problems.push(memory);
  }
  return problems;
}

/** The memory-budget problem, when the run would need more than the budget. */
function memoryProblem(config: RunConfig, env: RunEnv): ConfigProblem | undefined {
  const est = estimateRunBytesDetail(config);
  const budget = memoryBudgetBytes(env.deviceMemoryGiB);
  if (est.totalBytes <= budget) return undefined;
  return {
    field: 'records',
    allowed:
      `small enough for the memory budget of ${formatBytes(budget)}: this run needs ≈ ${formatBytes(est.totalBytes)} ` +
      `(dataset ≈ ${formatBytes(est.datasetBytes)} × ${est.datasetCopies} copies for ${
        usesShipping(config.strategy) ? `shipping '${config.shipping}'` : `strategy '${config.strategy}'`
      }, index ${formatBytes(est.indexBytes)}, tables ${formatBytes(est.tableBytes)}); use fewer records, ` +
      `'transfer' or 'generate-in-worker'`,
    got: config.records,
  };
}

/** Throws the first of runConfigProblems as a ConfigError naming the field and what it allows. */
export function validateRunConfig(config: RunConfig, env: RunEnv): void {
  throwFirst(runConfigProblems(config, env));
}
