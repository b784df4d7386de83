/** While a 1 M-record pool run is in flight, the main thread has no long task over 50 ms. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunConfig } from '../../src/core/model/types';
import { disposeWarmPools, referenceDigest, runOnce, yieldToEventLoop } from '../../src/engine';
import { config } from './fixtures';

let observer: PerformanceObserver;
const longTasks: number[] = [];

beforeAll(() => {
  expect(PerformanceObserver.supportedEntryTypes).toContain('longtask');
  observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  });
  observer.observe({ type: 'longtask' });
});

afterAll(() => {
  observer.disconnect();
  disposeWarmPools();
});

/** Lets the observer deliver what it has seen. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => requestAnimationFrame(() => r()));
  await yieldToEventLoop();
}

async function longTasksDuring(c: RunConfig): Promise<number[]> {
  const reference = await referenceDigest(c, c); // computed in a worker anyway; keep it out of the window
  await settle();
  longTasks.length = 0;
  const s = await runOnce(c, { reference });
  expect(s.correct).toBe(true);
  await settle();
  return longTasks.slice();
}

/**
 * Long tasks of up to three attempts; [] as soon as one attempt is clean. This machine
 * class is shared and oversubscribed: the OS can deschedule the page mid-task and turn a
 * 6 ms task into a 100 ms "long task". A blocking step in the engine shows up in every
 * attempt; a descheduling does not.
 */
async function longTasksOfBestAttempt(c: RunConfig): Promise<number[][] | []> {
  const seen: number[][] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const lt = await longTasksDuring(c);
    if (lt.length === 0) return [];
    seen.push(lt);
  }
  return seen;
}

it('the observer sees a deliberate 80 ms block (the test can fail)', async () => {
  longTasks.length = 0;
  const until = performance.now() + 80;
  while (performance.now() < until) {
    /* block */
  }
  await settle();
  expect(longTasks.some((d) => d >= 80)).toBe(true);
});

it('pool, transfer, static, fixed, 1 M records: no long task', async () => {
  expect(await longTasksOfBestAttempt(config({ records: 1_000_000, distinctKeys: 1000, workers: 2, poolLife: 'cold' }))).toEqual([]);
});

it('pool, shared, dynamic, varlen with the index pass, 1 M records: no long task', async () => {
  const c = config({
    records: 1_000_000,
    distinctKeys: 1000,
    workers: 2,
    format: 'varlen',
    varlenSplit: 'index',
    shipping: 'shared',
    scheduling: 'dynamic',
    batchSize: 20_000,
    poolLife: 'warm',
  });
  expect(await longTasksOfBestAttempt(c)).toEqual([]);
});
