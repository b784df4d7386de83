/** A worker that throws fails the run with the worker's message; the next run works. */
import { afterAll, describe, expect, it } from 'vitest';
import type { RunConfig } from '../../src/core/model/types';
import { disposeWarmPools, liveWorkerCount, runOnce, WorkerRunError } from '../../src/engine';
import { config } from './fixtures';

const faulty = config({ records: 10_000, workers: 3, faultAtRecord: 5000 });

async function failure(c: RunConfig): Promise<Error> {
  try {
    await runOnce(c);
  } catch (e) {
    return e as Error;
  }
  throw new Error('the run did not fail');
}

afterAll(() => {
  disposeWarmPools();
  expect(liveWorkerCount()).toBe(0);
});

describe('worker fault', () => {
  it('static cold pool: the owning worker is named with its message; nothing left alive; next run works', async () => {
    const e = await failure(faulty);
    expect(e).toBeInstanceOf(WorkerRunError);
    expect(e.message).toBe('Worker 1 failed: injected fault at record 5000');
    expect((e as WorkerRunError).worker).toBe(1);
    expect((e as WorkerRunError).workerMessage).toBe('injected fault at record 5000');
    expect(liveWorkerCount()).toBe(0);
    const { faultAtRecord: _, ...clean } = faulty;
    expect((await runOnce(clean)).correct).toBe(true);
  });

  it('warm pool with a shared queue: the pool is replaced and the next warm run works', async () => {
    const c = { ...faulty, poolLife: 'warm' as const, shipping: 'shared' as const, scheduling: 'dynamic' as const, batchSize: 500 };
    const { faultAtRecord: _, ...clean } = c;
    expect((await runOnce(clean)).correct).toBe(true);
    expect(liveWorkerCount()).toBe(3);
    expect((await failure(c)).message).toMatch(/^Worker \d failed: injected fault at record 5000$/);
    expect(liveWorkerCount()).toBe(0);
    expect((await runOnce(clean)).correct).toBe(true);
    expect(liveWorkerCount()).toBe(3);
    disposeWarmPools();
  });

  it('pulled batches generated in the worker', async () => {
    const c = { ...faulty, shipping: 'generate-in-worker' as const, scheduling: 'dynamic' as const, batchSize: 700 };
    expect((await failure(c)).message).toMatch(/injected fault at record 5000/);
    expect(liveWorkerCount()).toBe(0);
  });

  it('worker-seq and main report the same message', async () => {
    expect((await failure({ ...faulty, strategy: 'worker-seq' })).message).toBe('Worker 0 failed: injected fault at record 5000');
    expect((await failure({ ...faulty, strategy: 'main' })).message).toBe('injected fault at record 5000');
    expect((await failure({ ...faulty, strategy: 'main-async', batchSize: 300 })).message).toBe('injected fault at record 5000');
    expect(liveWorkerCount()).toBe(0);
  });
});
