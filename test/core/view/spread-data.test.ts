import { describe, expect, it } from 'vitest';
import { buildSpread, jitter, spreadTable } from '../../../src/core/view/spread-data';

describe('buildSpread', () => {
  it('jitters deterministically within ±0.3', () => {
    const values = Array.from({ length: 200 }, (_, i) => jitter(3, i));
    expect(values.every((v) => v >= -0.3 && v <= 0.3)).toBe(true);
    expect(jitter(3, 7)).toBe(jitter(3, 7));
    expect(new Set(values).size).toBeGreaterThan(190);
    expect(Math.abs(values.reduce((s, v) => s + v, 0) / values.length)).toBeLessThan(0.05);
  });

  it('places samples at their group with outlier classes and medians', () => {
    const m = buildSpread([
      { label: 'a', samplesMs: [3, 1, 2] },
      { label: 'b', samplesMs: [10, 50], outliers: ['none', 'severe'], medianMs: 10 },
    ]);
    expect(m.labels).toEqual(['a', 'b']);
    expect(m.medians).toEqual([2, 10]);
    expect(m.points.map((p) => [p.group, p.y, p.outlier])).toEqual([
      [0, 3, 'none'],
      [0, 1, 'none'],
      [0, 2, 'none'],
      [1, 10, 'none'],
      [1, 50, 'severe'],
    ]);
    expect(spreadTable(m).rows[4]).toEqual(['b', '50.000', 'severe']);
  });
});
