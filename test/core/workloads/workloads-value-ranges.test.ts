import { describe, expect, it } from 'vitest';
import { generateColumns } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

// Loops collect violations and assert once: one expect per value would be slow.
describe('generated values stay in their documented ranges', () => {
  const records = 20_000;
  const c = generateColumns(smallSpec({ format: 'csv', records, payloadBytes: 10, seed: 3, costSkew: 1 }), 0, records);

  it('id = i; ts = i·1000 + jitter with jitter an integer in [0, 1000)', () => {
    const bad: number[] = [];
    for (let i = 0; i < records; i++) {
      const jitter = c.ts[i] - i * 1000;
      if (c.id[i] !== i || !Number.isInteger(jitter) || jitter < 0 || jitter >= 1000) bad.push(i);
    }
    expect(bad).toEqual([]);
  });

  it('price in [1, 2^24), size in [1, 2^16), cost in [1, 64], using the whole range', () => {
    const min = (a: Uint32Array) => a.reduce((m, x) => Math.min(m, x), Infinity);
    const max = (a: Uint32Array) => a.reduce((m, x) => Math.max(m, x), 0);
    expect(min(c.price)).toBeGreaterThanOrEqual(1);
    expect(max(c.price)).toBeLessThan(2 ** 24);
    expect(max(c.price)).toBeGreaterThan(2 ** 24 * 0.99);
    expect(min(c.size)).toBeGreaterThanOrEqual(1);
    expect(max(c.size)).toBeLessThan(2 ** 16);
    expect(max(c.size)).toBeGreaterThan(2 ** 16 * 0.99);
    expect([min(c.cost), max(c.cost)]).toEqual([1, 63]);
  });

  it('payload length in [0, 2·payloadBytes] with mean ≈ payloadBytes; printable, no comma, quote, 0x1D or newline', () => {
    let total = 0;
    const lengths = new Set<number>();
    const badBytes = new Set<number>();
    const seenBytes = new Set<number>();
    for (const p of c.payload!) {
      total += p.length;
      lengths.add(p.length);
      for (const b of p) {
        seenBytes.add(b);
        if (b < 0x20 || b > 0x7e || b === 0x2c || b === 0x22) badBytes.add(b);
      }
    }
    expect([...badBytes]).toEqual([]);
    expect(seenBytes.size).toBe(93); // the whole alphabet: 95 printable minus ',' and '"'
    expect([...lengths].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, k) => k));
    expect(total / records).toBeGreaterThan(9.8);
    expect(total / records).toBeLessThan(10.2);
  });
});
