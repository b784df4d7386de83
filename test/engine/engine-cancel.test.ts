/** Cancel: workers terminated at once, AbortError, nothing left alive, and the next run works. */
import { afterAll, describe, expect, it } from 'vitest';
import type { Phase, RunConfig } from '../../src/core/model/types';
import { disposeWarmPools, isAbortError, liveWorkerCount, referenceDigest, runOnce, type EngineSample } from '../../src/engine';
import { config, countingFactory } from './fixtures';

/** Runs c and aborts as soon as it reports `phase`; returns the rejection. */
async function cancelAt(c: RunConfig, phase: Phase): Promise<unknown> {
  const controller = new AbortController();
  let seen = false;
  try {
    await runOnce(c, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === phase && !seen) {
          seen = true;
          controller.abort();
        }
      },
    });
  } catch (e) {
    expect(seen).toBe(true);
    return e;
  }
  throw new Error(`the run finished although it was cancelled at ${phase}`);
}

async function expectNextRunWorks(c: RunConfig): Promise<EngineSample> {
  const s = await runOnce(c);
  expect(s.correct).toBe(true);
  return s;
}

// Long enough that workers are mid-compute when the abort lands right after dispatch.
const busy = config({ records: 200_000, workRounds: 40, costSkew: 0, workers: 2 });

afterAll(() => {
  disposeWarmPools();
  expect(liveWorkerCount()).toBe(0);
});

describe('cancel', () => {
  it('mid-compute in a cold pool: AbortError, zero live workers, next run works', async () => {
    const c = { ...busy, poolLife: 'cold' as const, shipping: 'transfer' as const };
    const e = await cancelAt(c, 'compute');
    expect(e).toBeInstanceOf(DOMException);
    expect((e as DOMException).name).toBe('AbortError');
    expect(liveWorkerCount()).toBe(0);
    await expectNextRunWorks({ ...c, records: 2000 });
    expect(liveWorkerCount()).toBe(0);
  });

  it('mid-compute in a warm pool with pulled batches: the pool is terminated, the next warm run gets a new one', async () => {
    const c = { ...busy, poolLife: 'warm' as const, shipping: 'copy' as const, scheduling: 'dynamic' as const, batchSize: 1000 };
    await expectNextRunWorks({ ...c, records: 2000, batchSize: 100 }); // creates the warm pool
    expect(liveWorkerCount()).toBe(2);
    expect(isAbortError(await cancelAt(c, 'compute'))).toBe(true);
    expect(liveWorkerCount()).toBe(0);
    const s = await expectNextRunWorks({ ...c, records: 2000, batchSize: 100 });
    expect(s.phasesMs.spawn).toBeGreaterThan(0); // a fresh pool was spawned and reported
    expect(liveWorkerCount()).toBe(2);
    disposeWarmPools();
    expect(liveWorkerCount()).toBe(0);
  });

  it('mid-compute with a shared-memory queue', async () => {
    const c = { ...busy, shipping: 'shared' as const, scheduling: 'dynamic' as const, batchSize: 5000 };
    expect(isAbortError(await cancelAt(c, 'compute'))).toBe(true);
    expect(liveWorkerCount()).toBe(0);
    await expectNextRunWorks({ ...c, records: 2000, batchSize: 100 });
  });

  it('during spawn, with workers constructed but not yet ready', async () => {
    const controller = new AbortController();
    const { factory, created } = countingFactory();
    const reference = await referenceDigest(busy, busy); // so the only workers are the pool's
    const aborting = (i: number) => {
      const w = factory(i);
      if (i === 2) controller.abort(); // the third of three workers exists; none has loaded yet
      return w;
    };
    const p = runOnce({ ...busy, workers: 3 }, { signal: controller.signal, workerFactory: aborting, reference });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(created()).toBe(3);
    expect(liveWorkerCount()).toBe(0);
    await expectNextRunWorks({ ...busy, records: 2000 });
  });

  it('during generation on the main thread', async () => {
    expect(isAbortError(await cancelAt({ ...busy, records: 300_000, workRounds: 0 }, 'generate'))).toBe(true);
    expect(liveWorkerCount()).toBe(0);
  });

  it('main-async between sub-batches', async () => {
    const c = { ...busy, strategy: 'main-async' as const, batchSize: 1000 };
    expect(isAbortError(await cancelAt(c, 'compute'))).toBe(true);
    await expectNextRunWorks({ ...c, records: 2000, batchSize: 100 });
  });

  it('while the reference digest is being computed: its worker is terminated too', async () => {
    const controller = new AbortController();
    const p = runOnce({ ...busy, seed: 987_654 }, { signal: controller.signal });
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(liveWorkerCount()).toBe(0);
  });

  it('before the start: nothing is spawned', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(runOnce(busy, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(liveWorkerCount()).toBe(0);
  });
});
