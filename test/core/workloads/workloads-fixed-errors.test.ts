import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/model/types';
import { createAccumulator, decodeFixed, generate, processRange } from '../../../src/core/workloads';
import { smallSpec, thrown } from './workloads-test-helpers';

function dataError(bytes: Uint8Array): DataError {
  const e = thrown(() => decodeFixed(bytes));
  expect(e).toBeInstanceOf(DataError);
  const acc = createAccumulator({ job: 'parse', workRounds: 0 });
  expect((thrown(() => processRange(acc, 'fixed', bytes, 0, bytes.length)) as DataError).message).toBe(
    (e as DataError).message,
  );
  return e as DataError;
}

describe('corrupt fixed input gives a DataError naming the byte offset', () => {
  const bytes = () => generate(smallSpec({ records: 4 })).slice();

  it('truncated last record', () => {
    const e = dataError(bytes().subarray(0, 4 * 32 - 5));
    expect(e.at).toEqual({ byteOffset: 96 });
    expect(e.message).toBe('fixed: truncated record at byte 96: only 27 of 32 bytes');
  });

  it('non-zero reserved word (misaligned or corrupt data)', () => {
    const b = bytes();
    b[2 * 32 + 28] = 1;
    expect(dataError(b).at).toEqual({ byteOffset: 92 });
  });

  it('ts not below 2^53', () => {
    const b = bytes();
    new DataView(b.buffer).setUint32(32 + 12, 2 ** 21, true);
    const e = dataError(b);
    expect(e.at).toEqual({ byteOffset: 44 });
    expect(e.message).toContain('ts is not below 2^53');
  });

  it('a range over only complete records of a truncated buffer succeeds', () => {
    const b = bytes().subarray(0, 4 * 32 - 5);
    const acc = createAccumulator({ job: 'parse', workRounds: 0 });
    expect(processRange(acc, 'fixed', b, 0, 96)).toBe(3);
  });
});

describe('a cost above 64 is rejected by the jobs (it would mean billions of work rounds)', () => {
  it('fixed: byte offset of the record', () => {
    const b = generate(smallSpec({ records: 4 })).slice();
    new DataView(b.buffer).setUint32(2 * 32 + 24, 0xffffffff, true);
    const acc = createAccumulator({ job: 'parse', workRounds: 1 });
    const e = thrown(() => processRange(acc, 'fixed', b, 0, b.length)) as DataError;
    expect(e).toBeInstanceOf(DataError);
    expect(e.at).toEqual({ byteOffset: 64 });
    expect(e.message).toBe('fixed: record at byte 64: cost 4294967295 is above the maximum 64');
    // decoding alone accepts any u32
    expect(decodeFixed(b).cost[2]).toBe(0xffffffff);
  });

  it('csv: line number of the record', () => {
    const bytes = new TextEncoder().encode('0,1,2,3,4,64,\n1,1,2,3,4,65,\n');
    const acc = createAccumulator({ job: 'group', workRounds: 0 });
    const e = thrown(() => processRange(acc, 'csv', bytes, 0, bytes.length)) as DataError;
    expect(e.at).toEqual({ line: 2, byteOffset: 14 });
    expect(e.message).toBe('csv line 2: cost 65 is above the maximum 64 (byte 14)');
  });
});
