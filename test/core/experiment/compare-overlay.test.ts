import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/experiment/compare';
import { compareSpeedupTable } from '../../../src/core/experiment/compare-tables';
import { runWithWalls } from './compare-fixtures';

describe('compareRuns: overlay chart models', () => {
  it('puts both runs’ speedup-vs-workers lines and the matched medians on one model', () => {
    const before = runWithWalls({ 1: [40, 40, 40], 2: [20, 20, 20] }, { id: 'b', baselineMs: 40 });
    const after = runWithWalls({ 1: [40, 40, 40], 2: [10, 10, 10] }, { id: 'a', baselineMs: 40 });
    const { charts } = compareRuns(before, after);
    expect(charts.speedup.series.map((s) => [s.side, s.label, s.points.map((p) => [p.workers, p.speedup])])).toEqual([
      ['before', 'Before', [[1, 1], [2, 2]]],
      ['after', 'After', [[1, 1], [2, 4]]],
    ]);
    expect(charts.speedup.maxWorkers).toBe(2);
    expect(charts.speedup.ideal).toEqual([{ x: 1, y: 1 }, { x: 2, y: 2 }]);
    expect(charts.medians.labels).toEqual(['workers 1', 'workers 2']);
    expect(charts.medians.before.map((s) => s?.medianMs)).toEqual([40, 20]);
    expect(charts.medians.after.map((s) => s?.medianMs)).toEqual([40, 10]);
    expect(compareSpeedupTable(charts.speedup).rows[3]).toEqual(['After', '2', '4.000', '4.000', '4.000']);
    // Neither run swept records: no time-vs-records lines.
    expect(charts.time.series).toEqual([]);
  });

  it('puts both runs’ time-vs-records lines on one model, before then after per worker count', () => {
    const mk = (id: string, factor: number) => {
      const r = runWithWalls({ 1: [10, 10, 10], 2: [10, 10, 10] }, { id });
      return {
        ...r,
        experiment: { ...r.experiment, sweep: [{ param: 'records' as const, values: [10_000, 20_000] }] },
        repetitions: r.repetitions.map((rep) => {
          const records = rep.config.workers === 1 && rep.role === 'measured' ? 10_000 : 20_000;
          const config = { ...rep.config, workers: 4, records };
          const role = rep.role;
          const wall = role === 'measured' ? (records / 1000) * factor : records / 500;
          return { ...rep, config: role === 'baseline' ? { ...config, strategy: 'worker-seq' as const, workers: 1 } : config, sample: { ...rep.sample, wallMs: wall } };
        }),
      };
    };
    const { charts } = compareRuns(mk('b', 1), mk('a', 0.5));
    expect(charts.time.series.map((s) => [s.label, s.points.map((p) => [p.records, p.medianMs])])).toEqual([
      ['Before · 1 worker (sequential baseline)', [[20_000, 40]]],
      ['After · 1 worker (sequential baseline)', [[20_000, 40]]],
      ['Before · 4 workers', [[10_000, 10], [20_000, 20]]],
      ['After · 4 workers', [[10_000, 5], [20_000, 10]]],
    ]);
  });
});
