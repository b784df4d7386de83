/** The busy-machine check: loop durations from a fake clock → spread, suggested repetitions and the warning. */
import { describe, expect, it } from 'vitest';
import { judgeMachineNoise, spinWork, timeSpinLoops } from '../../../src/core/stats/machine-noise';

/** A clock that advances by the given durations, one per timed loop (two reads per loop). */
function fakeClock(durationsMs: number[]): () => number {
  let t = 1000;
  let read = 0;
  return () => {
    if (read % 2 === 1) t += durationsMs[(read - 1) / 2];
    read++;
    return t;
  };
}

describe('machine noise calibration', () => {
  it('times each loop with the injected clock', () => {
    const durations = [2, 2.5, 2, 2, 3];
    let calls = 0;
    const out = timeSpinLoops(fakeClock(durations), () => ++calls, 5);
    expect(out).toEqual(durations);
    expect(calls).toBe(5);
  });

  it('calls a steady loop quiet', () => {
    const v = judgeMachineNoise([2, 2, 2, 2, 2, 2, 2.02, 1.98, 2, 2, 2, 2, 2, 2, 2], 5);
    expect(v.spread).toBe(0);
    expect(v.suggestedRepetitions).toBe(1);
    expect(v.noisy).toBe(false);
    expect(v.message).toBe('The machine looks quiet enough: the spread of a fixed loop is 0.0 %.');
  });

  it('names a busy machine with the spread and the repetitions it needs', () => {
    // Median 2 ms, MAD 0.4 ms → spread 1.4826 · 0.2 = 29.65 %; (3.4741 · 0.29652 / 0.1)² = 106.1 → 107.
    const durations = [2, 1.6, 2.4, 2, 1.6, 2.4, 2, 1.6, 2.4, 2, 1.2, 3.5, 2, 1.6, 2.4];
    const v = judgeMachineNoise(timeSpinLoops(fakeClock(durations), () => 0, durations.length), 10);
    expect(v.medianMs).toBe(2);
    expect(v.spread).toBeCloseTo(0.29652, 5);
    expect(v.suggestedRepetitions).toBe(107);
    expect(v.noisy).toBe(true);
    expect(v.message).toBe(
      'This machine is noisy: the spread of a fixed loop is 30 %; use ≥ 107 repetitions (you asked for 10) or close other tabs and programs.',
    );
  });

  it('is not noisy when the requested repetitions already suffice', () => {
    // Spread 1.4826 · 0.1 / 2 = 7.4 % → (3.4741 · 0.07413 / 0.1)² = 6.63 → 7 repetitions.
    const durations = [2, 1.9, 2.1, 2, 1.9, 2.1, 2, 1.9, 2.1];
    expect(judgeMachineNoise(durations, 7)).toMatchObject({ suggestedRepetitions: 7, noisy: false });
    expect(judgeMachineNoise(durations, 6)).toMatchObject({ suggestedRepetitions: 7, noisy: true });
  });

  it('says so when the clock never moved', () => {
    const v = judgeMachineNoise([0, 0, 0, 0, 0], 5);
    expect(v.noisy).toBe(true);
    expect(v.message).toMatch(/timer did not advance/);
  });

  it('does a fixed amount of work', () => {
    expect(spinWork(1000)).toBe(spinWork(1000));
    expect(spinWork(1000)).not.toBe(spinWork(1001));
  });
});
