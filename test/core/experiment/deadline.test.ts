/** withDeadline: the value in time, the caller's message when late, a rejection kept (as an Error). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withDeadline } from '../../../src/core/experiment/deadline';

describe('withDeadline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes a value that arrives in time', async () => {
    const p = withDeadline(new Promise<number>((r) => setTimeout(() => r(7), 99)), 100, 'late');
    await vi.advanceTimersByTimeAsync(99);
    await expect(p).resolves.toBe(7);
  });

  it('rejects with the message when nothing has come by the deadline', async () => {
    const p = withDeadline(new Promise<number>(() => {}), 100, 'the sequential pass of trial 3 gave no answer within 0.1 s');
    const seen = expect(p).rejects.toThrow('the sequential pass of trial 3 gave no answer within 0.1 s');
    await vi.advanceTimersByTimeAsync(100);
    await seen;
  });

  it('keeps an earlier rejection, turning a non-Error into one', async () => {
    const boom = new TypeError('boom');
    await expect(withDeadline(Promise.reject(boom), 100, 'late')).rejects.toBe(boom);
    await expect(withDeadline(Promise.reject('plain'), 100, 'late')).rejects.toThrow('plain');
  });
});
