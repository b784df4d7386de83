/** The Amdahl serial part runs on one thread before the parallel part, stays out of the digest, and is observable. */
import { expect, it } from 'vitest';
import { runOnce } from '../../src/engine';
import { serialRoundsFor, serialUnitsFor, serialWork } from '../../src/core/workloads/kernel';
import { config } from './fixtures';

it('serial work: same result on every thread, not in the digest, one serial span before the parallel part', async () => {
  const c = config({ records: 20_000, workRounds: 2, serialFraction: 0.5, workers: 3 });
  const expected = serialWork(serialUnitsFor(20_000, 0.5), serialRoundsFor(c), c.seed);
  expect(serialUnitsFor(20_000, 0.5)).toBe(20_000);
  const none = await runOnce({ ...c, serialFraction: 0 });
  expect(none.serialResult).toBeUndefined();
  for (const strategy of ['pool', 'worker-seq', 'main', 'main-async'] as const) {
    const s = await runOnce({ ...c, strategy });
    expect(s.correct).toBe(true);
    expect(s.digest).toEqual(none.digest);
    expect(s.serialResult).toBe(expected);
    const serial = s.spans.filter((x) => x.kind === 'serial');
    expect(serial.length).toBe(1);
    expect(serial[0].worker).toBe(strategy === 'pool' || strategy === 'worker-seq' ? 0 : -1);
    const firstCompute = Math.min(...s.spans.filter((x) => x.kind === 'compute').map((x) => x.startMs));
    expect(serial[0].endMs).toBeLessThanOrEqual(firstCompute);
  }
});
