/**
 * Phases partition the wall time (the rest, harness overhead, stays < 1 % for runs ≥ 10 ms);
 * spans and counters are consistent; warm pools report their spawn once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { PHASES, type RunConfig } from '../../src/core/model/types';
import { createPool, disposeWarmPools, liveWorkerCount, phasesTotalMs, runOnce, type EngineSample } from '../../src/engine';
import { config } from './fixtures';

function checkPartition(s: EngineSample, label: string): void {
  for (const p of PHASES) expect(s.phasesMs[p], `${label} ${p}`).toBeGreaterThanOrEqual(0);
  const total = phasesTotalMs(s.phasesMs);
  expect(total, label).toBeLessThanOrEqual(s.wallMs + 1e-6);
  if (s.wallMs >= 10) expect((s.wallMs - total) / s.wallMs, label).toBeLessThan(0.01);
  const end = s.startedAtMs + s.wallMs;
  for (const span of s.spans) {
    expect(span.endMs, label).toBeGreaterThanOrEqual(span.startMs);
    // One clock across realms: every worker's spans lie inside the run (5 µs timer slack).
    expect(span.startMs, `${label} ${span.kind}@${span.worker}`).toBeGreaterThanOrEqual(s.startedAtMs - 0.01);
    expect(span.endMs, `${label} ${span.kind}@${span.worker}`).toBeLessThanOrEqual(end + 0.01);
  }
}

// ≥ 10 ms of work on this machine class, whatever the strategy.
const sizeable = config({ records: 60_000, workRounds: 30, workers: 2 });

afterAll(() => {
  disposeWarmPools();
  expect(liveWorkerCount()).toBe(0);
});

describe('phases', () => {
  const cases: Array<[string, Partial<RunConfig>]> = [
    ['cold pool, transfer, static', { poolLife: 'cold' }],
    ['cold pool, copy, dynamic', { poolLife: 'cold', shipping: 'copy', scheduling: 'dynamic', batchSize: 5000 }],
    ['warm pool, shared, dynamic, varlen index', { poolLife: 'warm', shipping: 'shared', scheduling: 'dynamic', format: 'varlen', varlenSplit: 'index', batchSize: 5000 }],
    ['generate in worker', { poolLife: 'cold', shipping: 'generate-in-worker' }],
    ['serial fraction', { serialFraction: 0.3 }],
    ['worker-seq', { strategy: 'worker-seq' }],
    ['main', { strategy: 'main' }],
    ['main-async', { strategy: 'main-async', batchSize: 5000 }],
  ];
  for (const [label, over] of cases) {
    it(`${label}: phases add up to the wall time`, async () => {
      checkPartition(await runOnce({ ...sizeable, ...over }), label);
    });
  }

  it('cold pools report spawn, init and teardown; main-thread strategies report no worker phases', async () => {
    const cold = await runOnce(sizeable);
    expect(cold.phasesMs.spawn).toBeGreaterThan(0);
    expect(cold.phasesMs.init).toBeGreaterThan(0);
    expect(cold.phasesMs.compute).toBeGreaterThan(0);
    expect(cold.phasesMs.teardown).toBeGreaterThanOrEqual(0);
    expect(cold.spans.filter((s) => s.kind === 'init').map((s) => s.worker)).toEqual([0, 1]);
    const main = await runOnce({ ...sizeable, strategy: 'main' });
    for (const p of ['spawn', 'init', 'shipIn', 'shipOut', 'teardown'] as const) expect(main.phasesMs[p]).toBe(0);
    expect(main.spans.every((s) => s.worker === -1)).toBe(true);
  });

  it('generate-in-worker ships nothing and generates in the workers', async () => {
    const s = await runOnce({ ...sizeable, shipping: 'generate-in-worker' });
    expect(s.spans.filter((x) => x.kind === 'generate' && x.worker >= 0).length).toBe(2);
    expect(s.spans.some((x) => x.kind === 'generate' && x.worker === -1)).toBe(false);
    expect(s.phasesMs.generate).toBeGreaterThan(0);
  });

  it('a warm pool reports its spawn once, in the run that created it', async () => {
    disposeWarmPools();
    const c = { ...sizeable, poolLife: 'warm' as const, workers: 3 };
    const first = await runOnce(c);
    const second = await runOnce(c);
    expect(first.phasesMs.spawn).toBeGreaterThan(0);
    expect(second.phasesMs.spawn).toBe(0);
    expect(second.phasesMs.init).toBe(0);
    expect(second.phasesMs.teardown).toBe(0);
    expect(liveWorkerCount()).toBe(3);
    const pool = await createPool({ size: 2, warmUp: true });
    expect(pool.report.warmUpCalls).toBeGreaterThan(0);
    const given = await runOnce({ ...c, workers: 2 }, { pool });
    expect(given.phasesMs.spawn).toBe(0);
    pool.terminate();
    disposeWarmPools();
  });

  it('counters: records and batches per worker', async () => {
    const st = await runOnce({ ...sizeable, workers: 3 });
    expect(st.recordsPerWorker).toEqual([20_000, 20_000, 20_000]);
    expect(st.batchesPerWorker).toEqual([1, 1, 1]);
    const dyn = await runOnce({ ...sizeable, workers: 3, scheduling: 'dynamic', shipping: 'shared', batchSize: 7000 });
    expect(dyn.recordsPerWorker.reduce((a, b) => a + b, 0)).toBe(60_000);
    expect(dyn.batchesPerWorker.reduce((a, b) => a + b, 0)).toBe(9); // ceil(60000 / 7000)
    const computeSpans = dyn.spans.filter((s) => s.kind === 'compute');
    expect(computeSpans.reduce((a, s) => a + (s.records ?? 0), 0)).toBe(60_000);
    const ma = await runOnce({ ...sizeable, strategy: 'main-async', workers: 4, scheduling: 'dynamic', batchSize: 6000 });
    expect(ma.batchesPerWorker.reduce((a, b) => a + b, 0)).toBe(10);
    expect(ma.recordsPerWorker.reduce((a, b) => a + b, 0)).toBe(60_000);
  });
});
