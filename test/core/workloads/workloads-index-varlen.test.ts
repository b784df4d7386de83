import { describe, expect, it } from 'vitest';
import { decodeVarlen, encodeVarlen, generate, generateColumns, indexVarlen } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

describe('indexVarlen: the serial index pass', () => {
  it('finds every record start by jumping from length to length', () => {
    const cols = generateColumns(smallSpec({ format: 'varlen', records: 25, payloadBytes: 30 }), 0, 25);
    const bytes = encodeVarlen(cols);
    const expected: number[] = [];
    let p = 0;
    for (const pl of cols.payload!) {
      expected.push(p);
      p += 37 + pl.length;
    }
    expect([...indexVarlen(bytes)]).toEqual(expected);
    expect(p).toBe(bytes.length);
  });

  it('every start is 0 or follows a 0x1D, and 0x1D appears only as terminators', () => {
    const bytes = generate(smallSpec({ format: 'varlen', records: 200, payloadBytes: 40 }));
    const starts = indexVarlen(bytes);
    const terminators: number[] = [];
    bytes.forEach((b, k) => {
      if (b === 0x1d) terminators.push(k);
    });
    expect(terminators.map((t) => t + 1)).toEqual([...starts.slice(1), bytes.length]);
  });

  it('empty input: no records', () => {
    expect(indexVarlen(new Uint8Array(0)).length).toBe(0);
    expect(decodeVarlen(new Uint8Array(0)).id.length).toBe(0);
  });
});
