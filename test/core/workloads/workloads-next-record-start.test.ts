import { describe, expect, it } from 'vitest';
import { generate, indexVarlen, nextRecordStart } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

describe('nextRecordStart: the first record boundary at or after an offset', () => {
  it('fixed: rounds up to a multiple of 32, bytes.length past the last record', () => {
    const bytes = new Uint8Array(96);
    expect([0, 1, 31, 32, 33, 64, 65, 95, 96, 500].map((o) => nextRecordStart('fixed', bytes, o))).toEqual([
      0, 32, 32, 32, 64, 64, 96, 96, 96, 96,
    ]);
  });

  it('csv: the byte after the first newline at or after offset − 1', () => {
    const bytes = new TextEncoder().encode('ab\ncd\n\nx\n');
    // offsets:                              012 345 6 78
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((o) => nextRecordStart('csv', bytes, o))).toEqual([
      0, 3, 3, 3, 6, 6, 6, 7, 9, 9,
    ]);
  });

  it('csv: no newline ahead gives bytes.length', () => {
    expect(nextRecordStart('csv', new TextEncoder().encode('abc'), 1)).toBe(3);
  });

  it('varlen: every offset maps to the next record start from the index pass', () => {
    const bytes = generate(smallSpec({ format: 'varlen', records: 30, payloadBytes: 12 }));
    const starts = [...indexVarlen(bytes), bytes.length];
    let k = 0;
    for (let o = 0; o <= bytes.length; o++) {
      while (starts[k] < o) k++;
      expect(nextRecordStart('varlen', bytes, o)).toBe(starts[k]);
    }
  });

  it('empty input and bad offsets', () => {
    expect(nextRecordStart('varlen', new Uint8Array(0), 0)).toBe(0);
    expect(nextRecordStart('csv', new Uint8Array(0), 3)).toBe(0);
    expect(() => nextRecordStart('fixed', new Uint8Array(10), -1)).toThrow(RangeError);
    expect(() => nextRecordStart('fixed', new Uint8Array(10), 1.5)).toThrow(RangeError);
  });
});
