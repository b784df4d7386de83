/** Lesson verdicts say faster / slower only through the change rule: a gain inside the ±2 % band is no gain. */
import { describe, expect, it } from 'vitest';
import { lessonById } from '../../src/lessons';
import type { RunConfig } from '../../src/core/model/types';
import { fabricate, TWO_CORES } from './lesson-fixtures';

const overhead = lessonById('overhead-small-batches')!;
const exp = overhead.preset(TWO_CORES, 'quick');
const largest = Math.max(...exp.sweep.find((a) => a.param === 'records')!.values.map(Number));

/** Baseline 15 ms + work; the workers cost 2× at small sizes and reach `gainAtLargest` at the largest size. */
function timing(gainAtLargest: number) {
  return (c: RunConfig) => {
    const baselineMs = 15 + c.records * 0.0002;
    if (c.strategy === 'worker-seq') return { wallMs: baselineMs };
    return { wallMs: c.records === largest ? baselineMs / gainAtLargest : baselineMs * 2 };
  };
}

describe('overhead-small-batches judged by the change rule', () => {
  it('does not count a 1.5 % win at the largest size, though its interval lies above 1', () => {
    // No jitter: every interval has zero width, so only the noise band can refuse the win.
    const v = overhead.verdict(fabricate(exp, timing(1.015), 0), TWO_CORES);
    expect(v.status).toBe('not-reproduced');
    expect(v.reason).toMatch(/not clearly faster/);
  });

  it('counts a 5 % win at the largest size', () => {
    const v = overhead.verdict(fabricate(exp, timing(1.05), 0), TWO_CORES);
    expect(v.status).toBe('reproduced');
  });
});
