import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_EXPERIMENT, cloneExperiment } from '../../src/core/model/config';
import { ENGINE_NOT_CONNECTED, RunState, type SweepRunner } from '../../src/state/run.svelte';

const experiment = cloneExperiment(DEFAULT_EXPERIMENT);

describe('RunState', () => {
  it('says the engine is not connected instead of pretending to run', async () => {
    const observer = { start: vi.fn(), stop: vi.fn() };
    const run = new RunState({ observers: [observer] });
    expect(run.status).toBe('idle');
    expect(run.results).toBeNull();
    await run.start(experiment);
    expect(run.status).toBe('failed');
    expect(run.error).toBe(ENGINE_NOT_CONNECTED);
    expect(run.results).toBeNull();
    expect(observer.start).not.toHaveBeenCalled();
  });

  it('reports progress with an ETA, publishes results and completes', async () => {
    let now = 0;
    const observer = { start: vi.fn(), stop: vi.fn() };
    const run = new RunState({ now: () => now, observers: [observer] });
    let seenRunning = false;
    const runner: SweepRunner = async (e, hooks) => {
      expect(e).toBe(experiment);
      seenRunning = run.running;
      now = 100;
      hooks.onProgress({ done: 1, total: 4, etaMs: null, label: '' });
      expect(run.etaMs).toBe(300);
      hooks.onUpdate({ view: { cards: { label: 'x', medianMs: 1, ci95Ms: [1, 1], throughputRecordsPerSec: 1, correct: true, warnings: [] } } });
      hooks.onProgress({ done: 4, total: 4, etaMs: null, label: '' });
      return { status: 'complete' };
    };
    run.connect(runner);
    await run.start(experiment);
    expect(seenRunning).toBe(true);
    expect(run.status).toBe('complete');
    expect([run.done, run.total, run.etaMs]).toEqual([4, 4, undefined]);
    expect(run.results?.cards?.label).toBe('x');
    expect(observer.start).toHaveBeenCalledTimes(1);
    expect(observer.stop).toHaveBeenCalledTimes(1);
  });

  it('aborts the runner signal on cancel and ends as cancelled', async () => {
    const run = new RunState();
    run.connect(
      (_e, hooks) =>
        new Promise((_resolve, reject) => {
          hooks.signal.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')));
        }),
    );
    const done = run.start(experiment);
    expect(run.status).toBe('running');
    run.cancel();
    await done;
    expect(run.status).toBe('cancelled');
    expect(run.error).toBeUndefined();
  });

  it('shows a failure the runner returns as a value, keeping what it published', async () => {
    const run = new RunState({
      runner: async (_e, hooks) => {
        await hooks.onUpdate({ view: { cards: { label: 'partial', medianMs: 1, ci95Ms: [1, 1], throughputRecordsPerSec: 1, correct: true, warnings: [] } } });
        return { status: 'failed', error: 'worker 1 crashed: out of memory' };
      },
    });
    await run.start(experiment);
    expect(run.status).toBe('failed');
    expect(run.error).toBe('worker 1 crashed: out of memory');
    expect(run.results?.cards?.label).toBe('partial');
  });

  it('turns a thrown error into a failed run with its message', async () => {
    const run = new RunState({
      runner: async () => {
        throw new Error('worker 2 crashed: out of memory');
      },
    });
    await run.start(experiment);
    expect(run.status).toBe('failed');
    expect(run.error).toBe('worker 2 crashed: out of memory');
  });
});
