import { describe, expect, it } from 'vitest';
import { timerResolution } from '../../../src/core/stats';

/** A fake clock that advances in the given steps (ms), each reading repeated `repeat` times. */
function fakeClock(steps: number[], repeat: number): () => number {
  let calls = 0;
  let t = 0;
  return () => {
    if (calls > 0 && calls % repeat === 0) t += steps[(calls / repeat) % steps.length];
    calls++;
    return t;
  };
}

describe('timerResolution', () => {
  it('returns the smallest positive step between consecutive readings', () => {
    expect(timerResolution(fakeClock([0.25, 0.125, 0.5], 3))).toBe(0.125);
  });

  it('sees a 100 µs clock whose readings repeat many times between ticks', () => {
    expect(timerResolution(fakeClock([0.1], 1000), 5)).toBeCloseTo(0.1, 12);
  });
});
