import { describe, expect, it } from 'vitest';
import { capacityProbeWorkers } from '../../src/core/stats';
import { measureParallelCapacity } from '../../src/engine/capacity';
import { isAbortError } from '../../src/engine/clock';

/** The real probe in a real browser: it spins the right number of workers and cleans up after itself. */
describe('measureParallelCapacity', () => {
  it('spins 2 × reported cores (4–16) and reports a capacity between 0 and that many', async () => {
    const made: Worker[] = [];
    const factory = (i: number) => {
      const w = new Worker(new URL('../../workers/capacity.worker.ts', import.meta.url), { type: 'module', name: `capacity-test-${i}` });
      made.push(w);
      return w;
    };
    const c = await measureParallelCapacity({ hardwareConcurrency: navigator.hardwareConcurrency, factory });
    expect(c.workers).toBe(capacityProbeWorkers(navigator.hardwareConcurrency));
    expect(made).toHaveLength(c.workers);
    expect(c.soloRatePerMs).toBeGreaterThan(0);
    expect(c.capacity).toBeGreaterThan(0);
    expect(c.capacity).toBeLessThanOrEqual(c.workers * 1.5);
    expect(c.cores).toBe(Math.max(1, Math.round(c.capacity)));
  });

  it('stops at once when cancelled, terminating its workers', async () => {
    const terminated: number[] = [];
    const factory = (i: number) => {
      const w = new Worker(new URL('../../workers/capacity.worker.ts', import.meta.url), { type: 'module' });
      const t = w.terminate.bind(w);
      w.terminate = () => {
        terminated.push(i);
        t();
      };
      return w;
    };
    const ac = new AbortController();
    const run = measureParallelCapacity({ hardwareConcurrency: 2, factory, signal: ac.signal });
    setTimeout(() => ac.abort(), 30);
    const err = await run.then(() => undefined, (e: unknown) => e);
    expect(isAbortError(err)).toBe(true);
    expect(terminated.sort()).toEqual([0, 1, 2, 3]);
  });

  it('names the failure when a worker cannot load', async () => {
    const url = URL.createObjectURL(new Blob(['throw new Error("broken build")'], { type: 'text/javascript' }));
    const factory = () => new Worker(url, { type: 'module' });
    await expect(measureParallelCapacity({ hardwareConcurrency: 1, factory })).rejects.toThrow(/capacity-probe worker failed to load or crashed/);
  });
});
