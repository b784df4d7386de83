/** 200 consecutive small runs leave no worker alive and no growth in the worker count. */
import { expect, it } from 'vitest';
import type { RunConfig } from '../../src/core/model/types';
import { disposeWarmPools, liveWorkerCount, runOnce } from '../../src/engine';
import { config, countingFactory } from './fixtures';

it('200 consecutive small runs (cold and warm alternating) leak no worker', async () => {
  const { factory, created } = countingFactory();
  const base = config({ records: 64, workers: 2, batchSize: 8 });
  const shippings = ['copy', 'transfer', 'shared', 'generate-in-worker'] as const;
  let warmSpawned = false;
  for (let i = 0; i < 200; i++) {
    const cold = i % 2 === 0;
    const c: RunConfig = {
      ...base,
      poolLife: cold ? 'cold' : 'warm',
      shipping: shippings[(i >> 1) % 4],
      scheduling: i % 4 < 2 ? 'static' : 'dynamic',
    };
    const before = created();
    const s = await runOnce(c, { workerFactory: factory });
    expect(s.correct).toBe(true);
    const spawned = created() - before;
    // Cold: exactly its 2 workers (+1 reference worker on the very first run); warm: 2 once, then none.
    if (cold) expect(spawned).toBe(i === 0 ? 3 : 2);
    else {
      expect(spawned).toBe(warmSpawned ? 0 : 2);
      warmSpawned = true;
    }
    // Only the warm pool may be alive between runs: never more.
    expect(liveWorkerCount()).toBe(warmSpawned ? 2 : 0);
  }
  disposeWarmPools();
  expect(liveWorkerCount()).toBe(0);
});
