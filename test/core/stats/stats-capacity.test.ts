import { describe, expect, it } from 'vitest';
import { capacityProbeWorkers, parallelCapacity, StatsError } from '../../../src/core/stats';

describe('parallelCapacity', () => {
  it('is total work rate over one worker’s solo rate (4 workers time-sliced on 2 cores)', () => {
    // Solo: 1,000 iterations/ms before, 950 after (something else ran): the faster one counts.
    // Four workers each got ~half a core: 470 + 480 + 475 + 475 = 1,900/ms → capacity 1.9 → 2 cores.
    const c = parallelCapacity(
      [{ iterations: 100_000, windowMs: 100 }, { iterations: 95_000, windowMs: 100 }],
      [470, 480, 475, 475].map((perMs) => ({ iterations: perMs * 200, windowMs: 200 })),
    );
    expect(c.soloRatePerMs).toBe(1000);
    expect(c.totalRatePerMs).toBe(1900);
    expect(c.capacity).toBe(1.9);
    expect(c.cores).toBe(2);
    expect(c.workers).toBe(4);
  });

  it('rounds to whole cores and never below 1', () => {
    const solo = [{ iterations: 1000, windowMs: 1 }];
    expect(parallelCapacity(solo, [{ iterations: 2600, windowMs: 1 }]).cores).toBe(3);
    expect(parallelCapacity(solo, [{ iterations: 300, windowMs: 1 }]).cores).toBe(1);
    expect(parallelCapacity(solo, [{ iterations: 300, windowMs: 1 }]).capacity).toBe(0.3);
  });

  it('refuses empty, non-finite and zero-window input with a message', () => {
    expect(() => parallelCapacity([], [{ iterations: 1, windowMs: 1 }])).toThrow(StatsError);
    expect(() => parallelCapacity([{ iterations: 1, windowMs: 1 }], [])).toThrow(/at least one worker/);
    expect(() => parallelCapacity([{ iterations: 1, windowMs: 0 }], [{ iterations: 1, windowMs: 1 }])).toThrow(/solo spin 1: the window must be more than 0 ms/);
    expect(() => parallelCapacity([{ iterations: 1, windowMs: 1 }], [{ iterations: Number.NaN, windowMs: 1 }])).toThrow(/worker 0/);
    expect(() => parallelCapacity([{ iterations: 0, windowMs: 1 }], [{ iterations: 1, windowMs: 1 }])).toThrow(/did no work/);
  });
});

describe('capacityProbeWorkers', () => {
  it('spins twice the reported cores, from 4 to 16', () => {
    expect(capacityProbeWorkers(1)).toBe(4);
    expect(capacityProbeWorkers(2)).toBe(4);
    expect(capacityProbeWorkers(4)).toBe(8);
    expect(capacityProbeWorkers(12)).toBe(16);
    expect(capacityProbeWorkers(Number.NaN)).toBe(4);
  });
});
