/**
 * Every strategy × shipping × scheduling returns the sequential digest, for 0, 1, 7 and
 * 10,000 records, 1, 2, 3 and 2 × hardwareConcurrency workers, in all three formats (and
 * both varlen split modes); 1,000,000 records for a representative subset.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  SCHEDULINGS,
  SHIPPINGS,
  type Format,
  type RunConfig,
  type Scheduling,
  type Shipping,
  type VarlenSplit,
} from '../../src/core/model/types';
import { disposeWarmPools, liveWorkerCount, runOnce } from '../../src/engine';
import { batchFor, config, oversubscribed } from './fixtures';

const RECORDS = [0, 1, 7, 10_000];
const WORKERS = [1, 2, 3, oversubscribed()];
const LAYOUTS: Array<{ format: Format; varlenSplit: VarlenSplit }> = [
  { format: 'fixed', varlenSplit: 'resync' },
  { format: 'varlen', varlenSplit: 'resync' },
  { format: 'varlen', varlenSplit: 'index' },
  { format: 'csv', varlenSplit: 'resync' },
];

function base(over: Partial<RunConfig>): RunConfig {
  return config({ keySkew: 1.1, costSkew: 0.5, payloadBytes: 9, distinctKeys: 37, workRounds: 1, ...over });
}

async function expectCorrect(c: RunConfig): Promise<void> {
  const s = await runOnce(c);
  const label = `${c.strategy}/${c.shipping}/${c.scheduling}/${c.poolLife} ${c.format}/${c.varlenSplit} records=${c.records} workers=${c.workers} batch=${c.batchSize}`;
  expect(s.message, label).toBeUndefined();
  expect(s.correct, label).toBe(true);
  expect(s.digest.records, label).toBe(c.records);
  expect(s.recordsPerWorker.reduce((a, b) => a + b, 0), label).toBe(c.records);
}

afterAll(() => {
  disposeWarmPools();
  expect(liveWorkerCount()).toBe(0);
});

describe('pool returns the sequential digest (warm pools)', () => {
  for (const shipping of SHIPPINGS) {
    for (const scheduling of SCHEDULINGS) {
      for (const { format, varlenSplit } of LAYOUTS) {
        it(`${shipping} × ${scheduling} × ${format}/${varlenSplit}`, async () => {
          for (const workers of WORKERS) {
            for (const records of RECORDS) {
              await expectCorrect(
                base({ strategy: 'pool', poolLife: 'warm', shipping, scheduling, format, varlenSplit, workers, records, batchSize: batchFor(records) }),
              );
            }
          }
        });
      }
    }
  }
});

describe('pool returns the sequential digest (cold pools)', () => {
  let rotation = 0;
  for (const shipping of SHIPPINGS) {
    for (const scheduling of SCHEDULINGS) {
      const layout = LAYOUTS[rotation++ % LAYOUTS.length];
      it(`${shipping} × ${scheduling}, 3 workers: csv × 7 records, ${layout.format}/${layout.varlenSplit} × 10,000`, async () => {
        const cold = { strategy: 'pool', poolLife: 'cold', shipping, scheduling, workers: 3 } as const;
        await expectCorrect(base({ ...cold, format: 'csv', records: 7, batchSize: batchFor(7) }));
        await expectCorrect(base({ ...cold, ...layout, records: 10_000, batchSize: batchFor(10_000) }));
      });
    }
  }
});

describe('worker-seq returns the sequential digest', () => {
  for (const shipping of SHIPPINGS) {
    for (const scheduling of SCHEDULINGS) {
      it(`${shipping} × ${scheduling}`, async () => {
        for (const { format, varlenSplit } of LAYOUTS) {
          for (const records of RECORDS) {
            await expectCorrect(
              base({ strategy: 'worker-seq', poolLife: 'warm', shipping, scheduling, format, varlenSplit, workers: 3, records, batchSize: batchFor(records) }),
            );
          }
        }
      });
    }
  }
});

describe('main and main-async return the sequential digest', () => {
  for (const scheduling of SCHEDULINGS) {
    it(`main-async × ${scheduling}`, async () => {
      for (const { format, varlenSplit } of LAYOUTS) {
        for (const workers of WORKERS) {
          for (const records of RECORDS) {
            await expectCorrect(base({ strategy: 'main-async', scheduling, format, varlenSplit, workers, records, batchSize: batchFor(records) }));
          }
        }
      }
    });
  }
  it('main', async () => {
    for (const { format, varlenSplit } of LAYOUTS) {
      for (const records of RECORDS) {
        await expectCorrect(base({ strategy: 'main', format, varlenSplit, records, batchSize: batchFor(records) }));
      }
    }
  });
});

describe('1,000,000 records (representative subset)', () => {
  const M = 1_000_000;
  const cases: Array<Partial<RunConfig> & { shipping: Shipping; scheduling: Scheduling; format: Format }> = [
    { strategy: 'pool', shipping: 'transfer', scheduling: 'static', format: 'fixed', workers: oversubscribed() },
    { strategy: 'pool', shipping: 'shared', scheduling: 'dynamic', format: 'fixed', workers: 3, batchSize: 65_536 },
    { strategy: 'pool', shipping: 'copy', scheduling: 'static', format: 'fixed', workers: 2 },
    { strategy: 'pool', shipping: 'shared', scheduling: 'static', format: 'varlen', varlenSplit: 'index', workers: 3 },
    { strategy: 'pool', shipping: 'transfer', scheduling: 'dynamic', format: 'varlen', varlenSplit: 'resync', workers: 2, batchSize: 77_777 },
    { strategy: 'pool', shipping: 'generate-in-worker', scheduling: 'dynamic', format: 'csv', workers: 2, batchSize: 100_000 },
    { strategy: 'worker-seq', shipping: 'transfer', scheduling: 'static', format: 'fixed' },
    { strategy: 'main-async', shipping: 'copy', scheduling: 'dynamic', format: 'varlen', workers: 2, batchSize: 50_000 },
  ];
  for (const c of cases) {
    it(`${c.strategy} ${c.shipping} × ${c.scheduling} × ${c.format}/${c.varlenSplit ?? 'resync'}`, async () => {
      await expectCorrect(base({ poolLife: 'warm', records: M, batchSize: 10_000, distinctKeys: 1000, workRounds: 0, ...c }));
    });
  }
});
