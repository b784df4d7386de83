import { describe, expect, it } from 'vitest';
import { generateColumns, hash32, keyOfRank, mix32, mix32b } from '../../../src/core/workloads';
import { uniformBelow } from '../../../src/core/workloads/prng';
import { zipfThresholds } from '../../../src/core/workloads/zipf';

describe('counter-based PRNG', () => {
  it('mix32 is murmur3 fmix32', () => {
    expect(mix32(0)).toBe(0);
    expect(mix32(1)).toBe(0x514e28b7);
  });

  it('golden hash32 values', () => {
    expect(hash32(42, 0, 0)).toBe(747994682);
    expect(hash32(42, 1, 0)).toBe(432621052);
    expect(hash32(0, 0, 0)).toBe(944236135);
    expect(hash32(0xffffffff, 49_999_999, 7)).toBe(2719934203);
  });

  it('mixers return u32 and are injective on a sample', () => {
    const seen = new Set<number>();
    for (let x = 0; x < 4096; x++) {
      const a = mix32(x);
      const b = mix32b(x);
      expect(a >>> 0).toBe(a);
      expect(b >>> 0).toBe(b);
      seen.add(a);
    }
    expect(seen.size).toBe(4096);
  });

  it('the generator hot path matches hash32 lane by lane (uniform keys)', () => {
    // Lanes: 0 key, 1 jitter, 2 price, 3 size (see generate.ts).
    const spec = { seed: 7, records: 500, format: 'fixed' as const, distinctKeys: 1000, keySkew: 0, payloadBytes: 0, costSkew: 0 };
    const c = generateColumns(spec, 0, 500);
    for (let i = 0; i < 500; i++) {
      expect(c.key[i]).toBe(keyOfRank(uniformBelow(hash32(7, i, 0), 1000)));
      expect(c.ts[i]).toBe(i * 1000 + uniformBelow(hash32(7, i, 1), 1000));
      expect(c.price[i]).toBe(hash32(7, i, 2) >>> 8 || 1);
      expect(c.size[i]).toBe(hash32(7, i, 3) >>> 16 || 1);
    }
  });

  it('Zipf thresholds are nondecreasing u32 cut points ending at 2^32', () => {
    const t = zipfThresholds(1000, 1.5);
    expect(t.length).toBe(1000);
    expect(t[999]).toBe(2 ** 32);
    for (let k = 1; k < t.length; k++) expect(t[k]).toBeGreaterThanOrEqual(t[k - 1]);
    expect(zipfThresholds(1000, 1.5)).toBe(t); // cached
  });
});
