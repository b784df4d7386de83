/** Property: over random configs the engine's digest always equals the sequential reference. */
import fc from 'fast-check';
import { afterAll, expect, it } from 'vitest';
import { FORMATS, JOBS, SCHEDULINGS, SHIPPINGS, STRATEGIES, VARLEN_SPLITS, type RunConfig } from '../../src/core/model/types';
import { disposeWarmPools, liveWorkerCount, runOnce } from '../../src/engine';
import { oversubscribed } from './fixtures';

const arbConfig: fc.Arbitrary<RunConfig> = fc
  .record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    records: fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 4000 })),
    format: fc.constantFrom(...FORMATS),
    distinctKeys: fc.integer({ min: 1, max: 40 }),
    keySkew: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 3, noNaN: true })),
    payloadBytes: fc.integer({ min: 0, max: 40 }),
    costSkew: fc.double({ min: 0, max: 1, noNaN: true }),
    job: fc.constantFrom(...JOBS),
    workRounds: fc.integer({ min: 0, max: 3 }),
    strategy: fc.constantFrom(...STRATEGIES),
    workers: fc.integer({ min: 1, max: oversubscribed() }),
    shipping: fc.constantFrom(...SHIPPINGS),
    scheduling: fc.constantFrom(...SCHEDULINGS),
    batchFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    poolLife: fc.constantFrom('warm', 'warm', 'warm', 'cold'),
    varlenSplit: fc.constantFrom(...VARLEN_SPLITS),
    serialFraction: fc.constantFrom(0, 0, 0.3),
  })
  .map(({ batchFraction, ...c }) => ({
    ...c,
    poolLife: c.poolLife as RunConfig['poolLife'],
    batchSize: Math.max(1, Math.ceil(batchFraction * c.records)),
  }));

afterAll(() => {
  disposeWarmPools();
  expect(liveWorkerCount()).toBe(0);
});

it('matches the sequential digest for random configs', async () => {
  await fc.assert(
    fc.asyncProperty(arbConfig, async (c) => {
      const s = await runOnce(c);
      expect(s.message, JSON.stringify(c)).toBeUndefined();
      expect(s.correct).toBe(true);
      expect(s.recordsPerWorker.reduce((a, b) => a + b, 0)).toBe(c.records);
    }),
    { numRuns: 30 },
  );
});
