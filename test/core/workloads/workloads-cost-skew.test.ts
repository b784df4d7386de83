import { describe, expect, it } from 'vitest';
import { generateColumns } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

describe('cost(i) = 1 + floor(63 · costSkew · (i / records)^3)', () => {
  it('costSkew 0: every record costs 1', () => {
    const c = generateColumns(smallSpec({ records: 1000, costSkew: 0 }), 0, 1000);
    expect(c.cost.every((x) => x === 1)).toBe(true);
  });

  it('costSkew 1: exact values and a heavy tail at the end', () => {
    const records = 1000;
    const c = generateColumns(smallSpec({ records, costSkew: 1 }), 0, records);
    for (const i of [0, 1, 250, 500, 793, 999]) expect(c.cost[i]).toBe(1 + Math.floor(63 * (i / records) ** 3));
    expect(c.cost[0]).toBe(1);
    expect(c.cost[500]).toBe(8);
    expect(c.cost[999]).toBe(63);
    // Static halves are uneven: the second half holds most of the work.
    const sum = (a: number, b: number) => c.cost.subarray(a, b).reduce((s, x) => s + x, 0);
    expect(sum(500, 1000) / sum(0, 500)).toBeGreaterThan(5);
  });

  it('cost depends on the position in the whole dataset, not in the shard', () => {
    const spec = smallSpec({ records: 1000, costSkew: 0.5 });
    expect(generateColumns(spec, 900, 1000).cost).toEqual(generateColumns(spec, 0, 1000).cost.slice(900));
  });
});
