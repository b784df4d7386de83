import { describe, expect, it } from 'vitest';
import { generate, generateShard, shardRange } from '../../../src/core/workloads';
import { concatBytes, firstDifference, FORMATS_ALL, smallSpec } from './workloads-test-helpers';

describe('shards concatenate to the whole dataset', () => {
  for (const format of FORMATS_ALL) {
    for (const records of [0, 1, 7, 100]) {
      it(`${format}, ${records} records, shard counts 1, 2, 3, 8, 150`, () => {
        const spec = smallSpec({ format, records, keySkew: 0.8 });
        const whole = generate(spec);
        for (const n of [1, 2, 3, 8, 150]) {
          const shards = Array.from({ length: n }, (_, i) => generateShard(spec, i, n));
          expect(firstDifference(concatBytes(shards), whole)).toBe(-1);
        }
      });
    }
  }

  it('shardRange tiles [0, records) with floor(i·records/n) starts', () => {
    expect([0, 1, 2].map((i) => shardRange(10, i, 3))).toEqual([
      { start: 0, end: 3 },
      { start: 3, end: 6 },
      { start: 6, end: 10 },
    ]);
    expect([0, 1, 2, 3].map((i) => shardRange(2, i, 4))).toEqual([
      { start: 0, end: 0 },
      { start: 0, end: 1 },
      { start: 1, end: 1 },
      { start: 1, end: 2 },
    ]);
    expect(shardRange(0, 0, 5)).toEqual({ start: 0, end: 0 });
    expect(shardRange(50_000_000, 6, 7)).toEqual({ start: 42_857_142, end: 50_000_000 });
  });

  it('shardRange rejects bad arguments', () => {
    expect(() => shardRange(10, 3, 3)).toThrow(RangeError);
    expect(() => shardRange(10, -1, 3)).toThrow(RangeError);
    expect(() => shardRange(10, 0, 0)).toThrow(RangeError);
    expect(() => shardRange(10, 0.5, 3)).toThrow(RangeError);
    expect(() => shardRange(-1, 0, 3)).toThrow(RangeError);
  });

  it('generated buffers own their whole ArrayBuffer', () => {
    for (const format of FORMATS_ALL) {
      const bytes = generate(smallSpec({ format, records: 50 }));
      expect(bytes.byteOffset).toBe(0);
      expect(bytes.buffer.byteLength).toBe(bytes.length);
    }
  });
});
