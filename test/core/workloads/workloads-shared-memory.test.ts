import { describe, expect, it } from 'vitest';
import {
  createAccumulator,
  digestOf,
  finishAccumulator,
  generate,
  processRange,
  runSequential,
} from '../../../src/core/workloads';
import { FORMATS_ALL, smallSpec } from './workloads-test-helpers';

describe('processRange works on views: SharedArrayBuffer, offset subarrays', () => {
  for (const format of FORMATS_ALL) {
    it(`${format}: SharedArrayBuffer view and an unaligned subarray give the one-pass digest`, () => {
      const spec = smallSpec({ format, records: 150 });
      const bytes = generate(spec);
      const expected = runSequential({ ...spec, job: 'group', workRounds: 1 }, bytes);

      const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
      shared.set(bytes);
      const half = Math.floor(shared.length / 2) + 1;
      const accs = [createAccumulator({ job: 'group', workRounds: 1 }), createAccumulator({ job: 'group', workRounds: 1 })];
      processRange(accs[0], format, shared, 0, half);
      processRange(accs[1], format, shared, half, shared.length);
      const merged = accs.map(finishAccumulator);
      const acc = createAccumulator({ job: 'group', workRounds: 1 });
      expect(processRange(acc, format, shared, 0, shared.length)).toBe(150);
      expect(digestOf(finishAccumulator(acc))).toEqual(expected);
      expect(merged[0].records + merged[1].records).toBe(150);

      // The same bytes at byte offset 3 of a bigger buffer (unaligned for u32 access).
      const host = new Uint8Array(bytes.length + 7);
      host.set(bytes, 3);
      const view = host.subarray(3, 3 + bytes.length);
      expect(runSequential({ ...spec, job: 'group', workRounds: 1 }, view)).toEqual(expected);
    });
  }

  it('the record straddling byteEnd is read to its end; byteEnd past the data is clamped', () => {
    const bytes = generate(smallSpec({ format: 'csv', records: 10 }));
    const acc = createAccumulator({ job: 'parse', workRounds: 0 });
    expect(processRange(acc, 'csv', bytes, 0, 1)).toBe(1);
    expect(processRange(acc, 'csv', bytes, 1, bytes.length + 100)).toBe(9);
    expect(processRange(acc, 'csv', bytes, 5, 5)).toBe(0);
    expect(processRange(acc, 'csv', bytes, 9, 3)).toBe(0);
    expect(() => processRange(acc, 'csv', bytes, -1, 3)).toThrow(RangeError);
  });
});
