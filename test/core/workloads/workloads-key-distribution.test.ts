import { describe, expect, it } from 'vitest';
import { generateColumns, keyOfRank } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

function keyCounts(keySkew: number, distinctKeys: number, records: number): Map<number, number> {
  const c = generateColumns(smallSpec({ records, distinctKeys, keySkew }), 0, records);
  const counts = new Map<number, number>();
  for (const k of c.key) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

describe('keys: K sparse u32 values, uniform or Zipf', () => {
  it('keyOfRank is a scramble: distinct, sparse, never 0 for ranks < 2^20', () => {
    const keys = new Set<number>();
    for (let z = 0; z < 1 << 16; z++) keys.add(keyOfRank(z));
    expect(keys.size).toBe(1 << 16);
    expect(keys.has(0)).toBe(false);
    expect(Math.max(...keys)).toBeGreaterThan(2 ** 31);
  });

  it('uniform: exactly the K keys of ranks 0 … K−1, roughly equally often', () => {
    const counts = keyCounts(0, 10, 20_000);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, z) => keyOfRank(z)).sort((a, b) => a - b),
    );
    for (const n of counts.values()) expect(n).toBeGreaterThan(1700); // expected 2000
  });

  it('Zipf s = 1: rank 0 most frequent, frequencies fall like 1/(rank+1)', () => {
    const counts = keyCounts(1, 100, 20_000);
    const f = (z: number) => counts.get(keyOfRank(z)) ?? 0;
    // H(100) ≈ 5.187: expected share of rank 0 ≈ 19.3 %, rank 1 ≈ 9.6 %, rank 9 ≈ 1.9 %.
    expect(f(0)).toBeGreaterThan(3500);
    expect(f(0)).toBeLessThan(4200);
    expect(f(0) / f(1)).toBeGreaterThan(1.7);
    expect(f(0) / f(1)).toBeLessThan(2.3);
    expect(f(1)).toBeGreaterThan(f(9));
    expect([...counts.keys()].every((k) => Array.from({ length: 100 }, (_, z) => keyOfRank(z)).includes(k))).toBe(true);
  });

  it('Zipf s = 4: almost all records share the top key', () => {
    const counts = keyCounts(4, 1000, 5000);
    expect(counts.get(keyOfRank(0))! / 5000).toBeGreaterThan(0.9);
  });

  it('K = 1: every record has the same key', () => {
    expect([...keyCounts(0, 1, 100).keys()]).toEqual([keyOfRank(0)]);
    expect([...keyCounts(2, 1, 100).keys()]).toEqual([keyOfRank(0)]);
  });
});
