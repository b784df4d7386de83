import { describe, expect, it } from 'vitest';
import { estimateBytes, generate } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

describe('estimateBytes: exact for fixed, a safe upper bound for varlen and csv', () => {
  it('fixed: exactly 32 bytes a record', () => {
    for (const records of [0, 1, 777]) {
      const spec = smallSpec({ records });
      expect(estimateBytes(spec)).toBe(generate(spec).length);
    }
    expect(estimateBytes(smallSpec({ records: 50_000_000 }))).toBe(1_600_000_000);
  });

  for (const format of ['varlen', 'csv'] as const) {
    it(`${format}: never below the real size, within 2.5× of it`, () => {
      for (const [records, payloadBytes, costSkew] of [
        [0, 10, 0],
        [1, 0, 0],
        [10, 0, 1],
        [500, 0, 1],
        [500, 64, 0.3],
        [2000, 3, 1],
      ]) {
        const spec = smallSpec({ format, records, payloadBytes, costSkew });
        const real = generate(spec).length;
        const est = estimateBytes(spec);
        expect(est).toBeGreaterThanOrEqual(real);
        if (records > 0) expect(est).toBeLessThan(real * 2.5);
      }
    });
  }

  it('exact formulas at the largest dataset', () => {
    const big = { records: 50_000_000, payloadBytes: 1024, costSkew: 1 };
    expect(estimateBytes(smallSpec({ ...big, format: 'varlen' }))).toBe(50_000_000 * (37 + 2048));
    // digits: id 8, key 10, ts 11, price 8, size 5, cost 2, 7 separators, payload 2048
    expect(estimateBytes(smallSpec({ ...big, format: 'csv' }))).toBe(50_000_000 * (8 + 10 + 11 + 8 + 5 + 2 + 7 + 2048));
  });
});
