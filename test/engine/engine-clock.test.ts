/** One clock across realms: a worker's timestamps fall between the main thread's readings around the call. */
import { expect, it } from 'vitest';
import { createPool, rawPing, sharedClock } from '../../src/engine';

it('comlink and raw pings read the shared clock between the main thread readings around them', async () => {
  const pool = await createPool({ size: 2 });
  try {
    for (const w of pool.workers) {
      expect(w.readyAtMs).toBeGreaterThanOrEqual(pool.report.spawnStartMs - 0.01);
      expect(w.readyAtMs).toBeLessThanOrEqual(pool.report.spawnedAtMs + 0.01);
      for (let i = 0; i < 20; i++) {
        const before = sharedClock();
        const inWorker = await w.api.ping();
        const between = sharedClock();
        const raw = await rawPing(w.worker);
        const after = sharedClock();
        expect(inWorker).toBeGreaterThanOrEqual(before - 0.01);
        expect(inWorker).toBeLessThanOrEqual(between + 0.01);
        expect(raw).toBeGreaterThanOrEqual(between - 0.01);
        expect(raw).toBeLessThanOrEqual(after + 0.01);
      }
    }
  } finally {
    pool.terminate();
  }
});
