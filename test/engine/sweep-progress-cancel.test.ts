import { afterEach, describe, expect, it } from 'vitest';
import { liveWorkerCount } from '../../src/engine';
import { runSweep, type SweepProgress } from '../../src/engine/sweep';
import type { ExperimentConfig } from '../../src/core/model/types';
import { config } from './fixtures';

const experiment = (over: Partial<ExperimentConfig> = {}): ExperimentConfig => ({
  base: config({ job: 'group', records: 2_000, poolLife: 'cold', workRounds: 5 }),
  sweep: [
    { param: 'records', values: [200, 2_000] },
    { param: 'workers', values: [1, 2] },
  ],
  warmups: 1,
  repetitions: 2,
  ...over,
});

afterEach(() => {
  expect(liveWorkerCount()).toBe(0);
});

describe('runSweep', () => {
  it('runs records × workers to completion, every repetition correct, progress counting up to the total', async () => {
    const progress: SweepProgress[] = [];
    const seen: number[] = [];
    const result = await runSweep(experiment(), {
      onProgress: (p) => progress.push(p),
      onRepetition: (rep) => {
        seen.push(rep.repetition);
      },
    });
    expect(result.status).toBe('complete');
    // 4 points share 2 baselines (one per record count): 6 units × (1 warm-up + 2 repetitions)
    expect(result.plan.units).toHaveLength(6);
    expect(progress.at(-1)).toMatchObject({ done: 18, total: 18 });
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 19 }, (_, i) => i));
    expect(result.repetitions).toHaveLength(12);
    expect(seen).toHaveLength(12);
    expect(result.repetitions.every((r) => r.sample.correct)).toBe(true);
    expect(progress.at(-1)!.etaMs).toBe(0);
  });

  it('cancels mid-way keeping every finished repetition intact and no worker alive', async () => {
    const controller = new AbortController();
    const kept: number[] = [];
    const result = await runSweep(experiment({ repetitions: 5 }), {
      signal: controller.signal,
      onRepetition: (rep) => {
        kept.push(rep.repetition);
        if (kept.length === 4) controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(result.repetitions).toHaveLength(4);
    expect(result.repetitions.every((r) => r.sample.correct && r.sample.wallMs > 0)).toBe(true);
  });

  it('refuses a bad configuration before running anything', async () => {
    let ran = 0;
    await expect(
      runSweep(experiment({ sweep: [{ param: 'workers', values: [1, 65] }] }), { onProgress: () => ran++ }),
    ).rejects.toThrow(/workers/);
    expect(ran).toBe(0);
  });

  it('reports a worker fault as a failed sweep with the worker’s message, keeping earlier repetitions', async () => {
    const result = await runSweep(
      { base: config({ records: 1_000, faultAtRecord: 700 }), sweep: [], warmups: 0, repetitions: 1 },
      {},
    );
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/injected fault at record 700/);
  });
});
