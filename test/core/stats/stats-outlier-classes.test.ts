import { describe, expect, it } from 'vitest';
import { outlierClasses, summarize } from '../../../src/core/stats';

describe('outlierClasses', () => {
  it('labels each sample in its original order with the Tukey class summarize used', () => {
    const ms = [12, 100, 10, 14, 25, 11, 16, 13, 15];
    expect(outlierClasses(ms, summarize(ms).fences)).toEqual([
      'none',
      'severe',
      'none',
      'none',
      'mild',
      'none',
      'none',
      'none',
      'none',
    ]);
  });
});
