import { describe, expect, it } from 'vitest';
import { generate, indexVarlen, runSequential } from '../../../src/core/workloads';
import type { Format } from '../../../src/core/model/types';
import { digestOfCuts, FORMATS_ALL, smallSpec } from './workloads-test-helpers';

/** Record start offsets of a buffer, for any format. */
function recordStarts(format: Format, bytes: Uint8Array): number[] {
  if (format === 'fixed') return Array.from({ length: bytes.length / 32 }, (_, k) => k * 32);
  if (format === 'varlen') return [...indexVarlen(bytes)];
  const starts = bytes.length ? [0] : [];
  for (let q = 0; q < bytes.length - 1; q++) if (bytes[q] === 0x0a) starts.push(q + 1);
  return starts;
}

describe('record-aligned splits, processed and merged, equal one pass', () => {
  for (const format of FORMATS_ALL) {
    for (const job of ['parse', 'group', 'group-naive'] as const) {
      it(`${format} ${job}`, () => {
        const spec = smallSpec({ format, records: 120, keySkew: 1 });
        const bytes = generate(spec);
        const whole = runSequential({ ...spec, job, workRounds: 2 }, bytes);
        expect(whole.records).toBe(120);
        const starts = recordStarts(format, bytes);
        expect(starts.length).toBe(120);
        // Every record its own range; then uneven groups of records; then one range.
        const splits = [
          [...starts, bytes.length],
          [0, starts[1], starts[17], starts[18], starts[90], bytes.length],
          [0, bytes.length],
        ];
        for (const cuts of splits) {
          const { digest, counts } = digestOfCuts(format, job, bytes, cuts, 2, [...Array(cuts.length - 1).keys()].reverse());
          expect(digest).toEqual(whole);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(120);
        }
      });
    }
  }
});
