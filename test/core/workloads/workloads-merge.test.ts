import { describe, expect, it } from 'vitest';
import {
  createAccumulator,
  digestOf,
  encode,
  finishAccumulator,
  generate,
  mergePartials,
  processRange,
  type PartialResult,
  type RecordColumns,
} from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

function partialOf(cols: RecordColumns, job: 'parse' | 'group' = 'group', expectedKeys?: number): PartialResult {
  const bytes = encode('fixed', cols);
  const acc = createAccumulator({ job, workRounds: 0 }, expectedKeys);
  processRange(acc, 'fixed', bytes, 0, bytes.length);
  return finishAccumulator(acc);
}

function columns(keys: number[], prices: number[], sizes: number[]): RecordColumns {
  const n = keys.length;
  return {
    id: Uint32Array.from({ length: n }, (_, i) => i),
    key: Uint32Array.from(keys),
    ts: Float64Array.from({ length: n }, (_, i) => i * 1000),
    price: Uint32Array.from(prices),
    size: Uint32Array.from(sizes),
    cost: new Uint32Array(n).fill(1),
    payload: null,
  };
}

function rows(p: PartialResult): number[][] {
  const t = p.table!;
  return Array.from(t.keys, (k, e) => [k, t.counts[e], t.sumPrice[e], t.minPrice[e], t.maxPrice[e], t.sumSize[e], t.minSize[e], t.maxSize[e]]).sort(
    (a, b) => a[0] - b[0],
  );
}

describe('group tables and merging', () => {
  it('aggregates count, sum/min/max of price and size by key — key 0 and u32 max included', () => {
    const p = partialOf(columns([0, 0xffffffff, 0, 5, 0], [10, 20, 30, 40, 5], [1, 2, 3, 4, 5]));
    expect(rows(p)).toEqual([
      [0, 3, 45, 5, 30, 9, 1, 5],
      [5, 1, 40, 40, 40, 4, 4, 4],
      [0xffffffff, 1, 20, 20, 20, 2, 2, 2],
    ]);
  });

  it('grows past its initial capacity without losing entries', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 2654435761) >>> 0);
    const p = partialOf(columns(keys, keys.map(() => 1), keys.map(() => 2)), 'group', 0);
    expect(p.table!.keys.length).toBe(5000);
    expect(new Set(p.table!.keys).size).toBe(5000);
  });

  it('sequential keys (no natural scatter) work too', () => {
    const keys = Array.from({ length: 3000 }, (_, i) => i);
    expect(partialOf(columns(keys, keys, keys)).table!.keys.length).toBe(3000);
  });

  it('merging is by key and independent of order', () => {
    const a = partialOf(columns([1, 2, 3], [10, 20, 30], [1, 1, 1]));
    const b = partialOf(columns([3, 4, 1], [5, 50, 100], [2, 2, 2]));
    const c = partialOf(columns([], [], []));
    const ab = mergePartials([a, b, c]);
    expect(rows(ab)).toEqual([
      [1, 2, 110, 10, 100, 3, 1, 2],
      [2, 1, 20, 20, 20, 1, 1, 1],
      [3, 2, 35, 5, 30, 3, 1, 2],
      [4, 1, 50, 50, 50, 2, 2, 2],
    ]);
    expect(digestOf(mergePartials([c, b, a]))).toEqual(digestOf(ab));
    expect(digestOf(mergePartials([mergePartials([b, c]), a]))).toEqual(digestOf(ab));
    expect(ab.records).toBe(6);
  });

  it('merging a single partial leaves its digest unchanged', () => {
    const bytes = generate(smallSpec({ records: 100 }));
    const acc = createAccumulator({ job: 'group', workRounds: 1 });
    processRange(acc, 'fixed', bytes, 0, bytes.length);
    const p = finishAccumulator(acc);
    expect(digestOf(mergePartials([p]))).toEqual(digestOf(p));
  });

  it('checksum lanes add mod 2^32', () => {
    const base = { job: 'parse' as const, records: 1, table: null };
    const m = mergePartials([
      { ...base, checksumHi: 0xffffffff, checksumLo: 0x80000000 },
      { ...base, checksumHi: 2, checksumLo: 0x80000001 },
    ]);
    expect([m.records, m.checksumHi, m.checksumLo]).toEqual([2, 1, 1]);
    expect(digestOf(m).checksum).toBe('0000000100000001');
  });

  it('refuses empty input and mixed jobs', () => {
    expect(() => mergePartials([])).toThrow(RangeError);
    const g = partialOf(columns([1], [1], [1]), 'group');
    const p = partialOf(columns([1], [1], [1]), 'parse');
    expect(() => mergePartials([g, p])).toThrow(RangeError);
  });
});
