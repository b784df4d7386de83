import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/model/types';
import {
  createAccumulator,
  decodeVarlen,
  generate,
  indexVarlen,
  processRange,
} from '../../../src/core/workloads';
import { smallSpec, thrown } from './workloads-test-helpers';

const SPEC = smallSpec({ format: 'varlen', records: 6, payloadBytes: 10 });

/** A fresh copy of the valid buffer and its record starts. */
function fixture(): { bytes: Uint8Array; starts: number[] } {
  const bytes = generate(SPEC).slice();
  return { bytes, starts: [...indexVarlen(bytes)] };
}

function setLength(bytes: Uint8Array, p: number, len: number): void {
  bytes[p] = 0x80 | (len & 0x7f);
  bytes[p + 1] = 0x80 | ((len >>> 7) & 0x7f);
  bytes[p + 2] = 0x80 | ((len >>> 14) & 0x7f);
}

/** The DataError that decoding and processing both throw, checked to agree. */
function dataError(bytes: Uint8Array): DataError {
  const e = thrown(() => decodeVarlen(bytes));
  expect(e).toBeInstanceOf(DataError);
  const acc = createAccumulator({ job: 'group', workRounds: 0 });
  const e2 = thrown(() => processRange(acc, 'varlen', bytes, 0, bytes.length)) as DataError;
  expect(e2.message).toBe((e as DataError).message);
  return e as DataError;
}

describe('corrupt varlen input gives a DataError naming the byte offset', () => {
  it('length past the end of the data', () => {
    const { bytes, starts } = fixture();
    const p = starts[5];
    setLength(bytes, p, 5000);
    const e = dataError(bytes);
    expect(e.at).toEqual({ byteOffset: p });
    expect(e.message).toBe(`varlen: record at byte ${p}: length 5000 runs past the end of the data (${bytes.length} bytes)`);
  });

  it('terminator missing where the length says (length too short)', () => {
    const { bytes, starts } = fixture();
    const p = starts[2];
    const len = starts[3] - p;
    setLength(bytes, p, len - 1);
    const e = dataError(bytes);
    expect(e.at).toEqual({ byteOffset: p + len - 2 });
    expect(e.message).toContain(`record at byte ${p}: no terminator at byte ${p + len - 2}`);
  });

  it('terminator missing where the length says (length too long)', () => {
    const { bytes, starts } = fixture();
    const p = starts[1];
    const len = starts[2] - p;
    setLength(bytes, p, len + 3);
    expect(dataError(bytes).at).toEqual({ byteOffset: p + len + 2 });
  });

  it('truncated last record', () => {
    const { bytes, starts } = fixture();
    const cut = bytes.subarray(0, bytes.length - 4);
    const e = dataError(cut);
    expect(e.at).toEqual({ byteOffset: starts[5] });
    expect(e.message).toBe(`varlen: truncated last record at byte ${starts[5]}: ${cut.length - starts[5]} bytes left and no terminator`);
  });

  it('truncated inside the length field', () => {
    const { bytes } = fixture();
    const tail = new Uint8Array(bytes.length + 2);
    tail.set(bytes);
    tail[bytes.length] = 0x85;
    tail[bytes.length + 1] = 0x80;
    expect(dataError(tail).at).toEqual({ byteOffset: bytes.length });
  });

  it('non-high-bit byte inside a numeric field', () => {
    const { bytes, starts } = fixture();
    const p = starts[3];
    bytes[p + 10] = 0x05; // third group of key
    const e = dataError(bytes);
    expect(e.at).toEqual({ byteOffset: p + 10 });
    expect(e.message).toBe(`varlen: record at byte ${p}: byte 0x05 at byte ${p + 10} in field key lacks the high bit`);
  });

  it('non-high-bit byte in the length field', () => {
    const { bytes, starts } = fixture();
    bytes[starts[4] + 1] = 0x00;
    expect(dataError(bytes).at).toEqual({ byteOffset: starts[4] + 1 });
  });

  it('u32 field out of range (top group above 4 bits)', () => {
    const { bytes, starts } = fixture();
    const p = starts[1];
    bytes[p + 7] = 0x90; // top group of id
    const e = dataError(bytes);
    expect(e.at).toEqual({ byteOffset: p + 7 });
    expect(e.message).toContain('field id is out of range');
  });

  it('ts not below 2^53', () => {
    const { bytes, starts } = fixture();
    bytes[starts[0] + 20] = 0x90; // top group of ts
    expect(dataError(bytes).at).toEqual({ byteOffset: starts[0] + 20 });
  });

  it('a terminator inside the payload', () => {
    const { bytes, starts } = fixture();
    const p = starts[2];
    expect(starts[3] - p).toBeGreaterThan(38); // has a payload of 2+ bytes
    bytes[p + 37] = 0x1d;
    const e = dataError(bytes);
    expect(e.at).toEqual({ byteOffset: p + 37 });
    expect(e.message).toContain('unexpected terminator');
  });

  it('length below the minimum record', () => {
    const { bytes, starts } = fixture();
    setLength(bytes, starts[0], 20);
    expect(dataError(bytes).message).toBe('varlen: record at byte 0: length 20 is below the minimum 37');
  });

  it('the index pass reports a bad length the same way', () => {
    const { bytes, starts } = fixture();
    setLength(bytes, starts[5], 5000);
    expect((thrown(() => indexVarlen(bytes)) as DataError).at).toEqual({ byteOffset: starts[5] });
  });

  it('garbage after the last record is reported, whatever the cut', () => {
    const { bytes } = fixture();
    const junk = new Uint8Array(bytes.length + 50).fill(0x41);
    junk.set(bytes);
    // Cut so that the last range starts inside the junk: the range before it must report.
    const acc = createAccumulator({ job: 'parse', workRounds: 0 });
    expect(processRange(acc, 'varlen', junk, bytes.length + 10, junk.length)).toBe(0);
    expect(() => processRange(acc, 'varlen', junk, 0, bytes.length + 10)).toThrow(DataError);
  });
});
