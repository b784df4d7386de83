import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/experiment/compare';
import { diffSettings } from '../../../src/core/experiment/compare-settings';
import { BASE_CONFIG, ENVIRONMENT, makeRecord } from '../../helpers/run-records';

describe('diffSettings', () => {
  it('lists exactly the changed fields of the base configs, sweeps, experiment and environment', () => {
    const before = makeRecord({ points: 3 });
    const after = makeRecord({
      id: 'after',
      points: 2,
      overrides: {
        experiment: {
          base: { ...BASE_CONFIG, shipping: 'copy', records: 20_000, workers: 8 },
          sweep: [
            { param: 'workers', values: [1, 2] },
            { param: 'batchSize', values: [100, 1000] },
          ],
          warmups: 1,
          repetitions: 5,
        },
        environment: { ...ENVIRONMENT, hardwareConcurrency: 8 },
      },
    });
    const c = compareRuns(before, after);
    expect(c.differences.map((d) => [d.path, d.before, d.after])).toEqual([
      ['base.records', '10,000', '20,000'],
      ['base.shipping', 'transfer', 'copy'],
      ['sweep.workers', '1, 2, 4', '1, 2'],
      ['sweep.batchSize', 'not swept', '100, 1,000'],
      ['repetitions', '3', '5'],
      ['environment.hardwareConcurrency', '2', '8'],
    ]);
    // Workers is swept in both runs: its differing base value is listed, but not as a change.
    const workers = c.fields.find((f) => f.path === 'base.workers')!;
    expect(workers).toMatchObject({ before: '4', after: '8', changed: false });
    expect(workers.note).toContain('swept in both');
    expect(c.differences.find((d) => d.path === 'sweep.batchSize')!.label).toBe('Sweep of batch size');
  });

  it('finds nothing to report between a run and itself, and lists every field', () => {
    const r = makeRecord();
    const rows = diffSettings(r, { ...r, id: 'copy' });
    expect(rows.filter((f) => f.changed)).toEqual([]);
    expect(rows.filter((f) => f.group === 'configuration')).toHaveLength(18);
    expect(rows.find((f) => f.path === 'base.faultAtRecord')).toMatchObject({ before: '—', after: '—' });
    expect(rows.find((f) => f.path === 'environment.crossOriginIsolated')).toMatchObject({ before: 'yes', after: 'yes' });
  });
});
