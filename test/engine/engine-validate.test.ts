/** Bad configs are refused before anything starts, with a ConfigError naming the field. */
import { describe, expect, it } from 'vitest';
import { ConfigError, type RunConfig } from '../../src/core/model/types';
import {
  DEFAULT_MEMORY_BUDGET_BYTES,
  estimateRunBytes,
  estimateRunBytesDetail,
  liveWorkerCount,
  memoryBudgetBytes,
  runOnce,
  validateRunConfig,
  workerCap,
  type RunEnv,
} from '../../src/engine';
import { config, countingFactory } from './fixtures';

const isolated: RunEnv = { hardwareConcurrency: 2, crossOriginIsolated: true };

/** Runs c and returns its ConfigError, checking that nothing was spawned or reported. */
async function refusal(c: RunConfig, env: RunEnv = isolated): Promise<ConfigError> {
  const { factory, created } = countingFactory();
  let progressed = false;
  const live = liveWorkerCount();
  let error: unknown;
  try {
    await runOnce(c, { env, workerFactory: factory, onProgress: () => (progressed = true) });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ConfigError);
  expect(created()).toBe(0);
  expect(progressed).toBe(false);
  expect(liveWorkerCount()).toBe(live);
  return error as ConfigError;
}

describe('workerCap', () => {
  it('is max(8, 2 × hardwareConcurrency), never above 64', () => {
    expect(workerCap(1)).toBe(8);
    expect(workerCap(2)).toBe(8);
    expect(workerCap(6)).toBe(12);
    expect(workerCap(16)).toBe(32);
    expect(workerCap(32)).toBe(64);
    expect(workerCap(128)).toBe(64);
    expect(workerCap(0)).toBe(8);
    expect(workerCap(Number.NaN)).toBe(8);
  });
});

describe('refused before anything starts', () => {
  it('workers 0', async () => {
    const e = await refusal(config({ workers: 0 }));
    expect(e.field).toBe('workers');
    // The form's wording: one rule, one message (the cap is workerCap, tested above).
    expect(e.message).toBe('workers must be an integer from 1 to 8 (got 0)');
  });

  it('workers 65, and anything above the cap', async () => {
    expect((await refusal(config({ workers: 65 }))).field).toBe('workers');
    const e = await refusal(config({ workers: 9 }));
    expect(e.field).toBe('workers');
    expect(e.message).toMatch(/^workers must be an integer from 1 to 8 /);
    expect(() => validateRunConfig(config({ workers: 64 }), { hardwareConcurrency: 32, crossOriginIsolated: true })).not.toThrow();
    expect(() => validateRunConfig(config({ workers: 65 }), { hardwareConcurrency: 64, crossOriginIsolated: true })).toThrow(
      /^workers must be an integer from 1 to 64 /,
    );
  });

  it('batchSize 0, or a dynamic batch above the record count (a static run ignores its batch size)', async () => {
    const zero = await refusal(config({ batchSize: 0, scheduling: 'dynamic' }));
    expect(zero.field).toBe('batchSize');
    expect(zero.message).toBe('batchSize must be an integer from 1 to 1,000 (got 0)');
    expect((await refusal(config({ batchSize: 1001, scheduling: 'dynamic' }))).field).toBe('batchSize');
    expect((await refusal(config({ batchSize: 0 }))).message).toBe('batchSize must be an integer from 1 to 50,000,000 (got 0)');
    expect(() => validateRunConfig(config({ batchSize: 1001 }), isolated)).not.toThrow();
    expect(() => validateRunConfig(config({ records: 0, batchSize: 100, scheduling: 'dynamic' }), isolated)).not.toThrow();
  });

  it('shared memory without cross-origin isolation', async () => {
    const e = await refusal(config({ shipping: 'shared' }), { hardwareConcurrency: 2, crossOriginIsolated: false });
    expect(e.field).toBe('shipping');
    expect(e.message).toMatch(/^shipping must be copy, transfer or generate-in-worker here: "shared" cannot run because SharedArrayBuffer needs a cross-origin isolated page/);
    // Isolated but without SharedArrayBuffer (WebKitGTK): refused too, with that reason.
    const noSab = await refusal(config({ shipping: 'shared' }), { hardwareConcurrency: 2, crossOriginIsolated: true, sharedArrayBuffer: false });
    expect(noSab.message).toMatch(/"shared" cannot run because this browser gives no SharedArrayBuffer here, even though the page is cross-origin isolated/);
    // Strategies that ship nothing ignore the shipping mode.
    expect(() => validateRunConfig(config({ shipping: 'shared', strategy: 'main' }), { hardwareConcurrency: 2, crossOriginIsolated: false })).not.toThrow();
  });

  it('every strategy in a browser without module workers (the reference digest needs a worker)', async () => {
    for (const strategy of ['main', 'main-async', 'worker-seq', 'pool'] as const) {
      const e = await refusal(config({ strategy }), { hardwareConcurrency: 2, crossOriginIsolated: true, moduleWorkers: false });
      expect(e.field).toBe('strategy');
      expect(e.message).toMatch(/^strategy must be run in a browser that starts module workers: this one does not/);
    }
  });

  it('a memory estimate over the budget, with the estimate in the message', async () => {
    const big = config({ records: 50_000_000, shipping: 'copy' }); // 1.6 GB of fixed records: the pieces + the clones
    expect(estimateRunBytes(big)).toBe(50_000_000 * 32 * 2 + 3 * 50 * 48);
    const e = await refusal(big);
    expect(e.field).toBe('records');
    expect(e.message).toMatch(/^records must be small enough for the memory budget of 1\.00 GiB: this run needs ≈ 2\.98 GiB \(dataset ≈ 1\.49 GiB × 2 copies for shipping 'copy'/);
  });

  it('a lower budget when navigator.deviceMemory says so (a quarter of it)', async () => {
    expect(memoryBudgetBytes()).toBe(DEFAULT_MEMORY_BUDGET_BYTES);
    expect(memoryBudgetBytes(8)).toBe(DEFAULT_MEMORY_BUDGET_BYTES);
    expect(memoryBudgetBytes(1)).toBe(256 * 1024 * 1024);
    const c = config({ records: 5_000_000, shipping: 'transfer', format: 'csv' }); // ≈ 260 MB of csv × 2
    expect(() => validateRunConfig(c, isolated)).not.toThrow();
    const e = await refusal(c, { ...isolated, deviceMemoryGiB: 1 });
    expect(e.field).toBe('records');
    expect(e.message).toMatch(/budget of 256\.0 MiB: this run needs ≈ [\d.]+ MiB \(dataset ≈ [\d.]+ MiB × 2 copies/);
  });

  it('dataset copies held at once, by format, strategy and shipping', () => {
    const copies = (over: Partial<RunConfig>) => estimateRunBytesDetail(config(over)).datasetCopies;
    // fixed is generated straight into its final buffer; varlen and csv in chunks, then assembled.
    expect(copies({ strategy: 'main' })).toBe(1);
    expect(copies({ strategy: 'main', format: 'csv' })).toBe(2);
    expect(copies({ shipping: 'transfer' })).toBe(1);
    expect(copies({ shipping: 'shared' })).toBe(1);
    expect(copies({ shipping: 'transfer', format: 'varlen' })).toBe(2);
    expect(copies({ shipping: 'transfer', scheduling: 'dynamic' })).toBe(1);
    expect(copies({ shipping: 'generate-in-worker', format: 'csv' })).toBe(1);
    // static copy: each worker's piece + its clone in the worker; an indexed varlen buffer adds its slices.
    expect(copies({ shipping: 'copy' })).toBe(2);
    expect(copies({ shipping: 'copy', format: 'varlen', varlenSplit: 'index' })).toBe(3);
    expect(copies({ shipping: 'transfer', format: 'varlen', varlenSplit: 'index' })).toBe(2);
    expect(copies({ shipping: 'copy', scheduling: 'dynamic' })).toBe(1);
  });

  it('fields of the dataset and job, and unknown enum values', async () => {
    expect((await refusal(config({ records: -1 }))).field).toBe('records');
    expect((await refusal(config({ workRounds: 1.5 }))).field).toBe('workRounds');
    expect((await refusal(config({ strategy: 'threads' as never }))).field).toBe('strategy');
    expect((await refusal(config({ serialFraction: 0.96 }))).field).toBe('serialFraction');
  });
});
