import { describe, expect, it } from 'vitest';
import { generateColumns, runSequential } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

describe('work rounds are folded into the checksum', () => {
  const spec = { ...smallSpec({ records: 200, costSkew: 1 }), job: 'group' as const };

  it('different workRounds give different checksums and the same table', () => {
    const d0 = runSequential({ ...spec, workRounds: 0 });
    const d1 = runSequential({ ...spec, workRounds: 1 });
    const d7 = runSequential({ ...spec, workRounds: 7 });
    expect(new Set([d0.checksum, d1.checksum, d7.checksum]).size).toBe(3);
    expect(d1.tableHash).toBe(d0.tableHash);
    expect(d7.tableHash).toBe(d0.tableHash);
  });

  it('deterministic: the same spec gives the same digest', () => {
    expect(runSequential({ ...spec, workRounds: 50 })).toEqual(runSequential({ ...spec, workRounds: 50 }));
  });

  it('rounds scale with cost: the expensive tail holds most of the work', () => {
    // The job runs workRounds × cost rounds per record, so Σcost is the work (exactly, no clock).
    const cost = (costSkew: number) => generateColumns({ ...spec, records: 2000, costSkew }, 0, 2000).cost;
    const flat = cost(0);
    const skewed = cost(1);
    const sum = (xs: Uint32Array, from = 0) => xs.slice(from).reduce((a, b) => a + b, 0);
    expect(sum(flat)).toBe(2000);
    expect(sum(skewed) / sum(flat)).toBeGreaterThan(15);
    // the last quarter of the records carries most of the work: static chunks are uneven
    expect(sum(skewed, 1500) / sum(skewed)).toBeGreaterThan(0.65);
  });
});
