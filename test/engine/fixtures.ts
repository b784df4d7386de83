/** Shared config builders for the engine tests. */
import type { RunConfig } from '../../src/core/model/types';
import { workerCap } from '../../src/engine';

/** A small valid run config; override what a test varies. */
export function config(over: Partial<RunConfig> = {}): RunConfig {
  return {
    seed: 42,
    records: 1000,
    format: 'fixed',
    distinctKeys: 50,
    keySkew: 0,
    payloadBytes: 12,
    costSkew: 0,
    job: 'group',
    workRounds: 0,
    strategy: 'pool',
    workers: 2,
    shipping: 'transfer',
    scheduling: 'static',
    batchSize: 100,
    poolLife: 'cold',
    varlenSplit: 'resync',
    serialFraction: 0,
    ...over,
  };
}

/** 2 × hardwareConcurrency, within the cap: the oversubscribed worker count. */
export function oversubscribed(): number {
  const hc = navigator.hardwareConcurrency || 1;
  return Math.min(2 * hc, workerCap(hc));
}

/** A batch size that leaves several uneven batches (and is valid for the record count). */
export function batchFor(records: number): number {
  if (records === 0) return 1;
  return Math.min(records, records <= 10 ? 2 : Math.floor(records / 13));
}

/** Counts Worker constructions through the real factory. */
export function countingFactory(): { factory: (i: number) => Worker; created: () => number } {
  let n = 0;
  return {
    factory: (i: number) => {
      n++;
      return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: `engine-${i}` });
    },
    created: () => n,
  };
}
