import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/model/types';
import { createAccumulator, decodeCsv, processRange } from '../../../src/core/workloads';
import { thrown } from './workloads-test-helpers';

const GOOD = '0,1,1000,5,6,1,abc\n1,2,2000,7,8,1,\n';

/** The DataError for GOOD + line 3, from decode and from processRange (which must agree). */
function lineError(line3: string): DataError {
  const bytes = new TextEncoder().encode(GOOD + line3);
  const e = thrown(() => decodeCsv(bytes));
  expect(e).toBeInstanceOf(DataError);
  const acc = createAccumulator({ job: 'group', workRounds: 0 });
  const e2 = thrown(() => processRange(acc, 'csv', bytes, 0, bytes.length)) as DataError;
  expect(e2.message).toBe((e as DataError).message);
  expect(e2.at).toEqual((e as DataError).at);
  return e as DataError;
}

describe('corrupt csv gives a DataError naming the line', () => {
  const L3 = GOOD.length; // byte offset of line 3

  it('the fixture itself is valid', () => {
    const cols = decodeCsv(new TextEncoder().encode(GOOD));
    expect([...cols.id]).toEqual([0, 1]);
    expect(cols.payload!.map((p) => p.length)).toEqual([3, 0]);
  });

  it('too few fields', () => {
    const e = lineError('2,3,3000\n');
    expect(e.at).toEqual({ line: 3, byteOffset: L3 + 8 });
    expect(e.message).toBe(`csv line 3: too few fields: 3 of 7 (byte ${L3 + 8})`);
  });

  it('an empty line', () => {
    expect(lineError('\n').message).toBe(`csv line 3: too few fields: 1 of 7 (byte ${L3})`);
  });

  it('too many fields', () => {
    const e = lineError('2,3,3000,9,9,1,pay,load\n');
    expect(e.at).toEqual({ line: 3, byteOffset: L3 + 18 });
    expect(e.message).toContain("too many fields: a ',' inside the payload");
  });

  it('a non-digit in a numeric field', () => {
    const e = lineError('2,3x,3000,9,9,1,\n');
    expect(e.at).toEqual({ line: 3, byteOffset: L3 + 3 });
    expect(e.message).toBe(`csv line 3: non-digit byte 0x78 in field key (byte ${L3 + 3})`);
  });

  it('a sign is a non-digit', () => {
    expect(lineError('2,3,-3000,9,9,1,\n').message).toContain('non-digit byte 0x2d in field ts');
  });

  it('an empty numeric field', () => {
    expect(lineError('2,,3000,9,9,1,\n').message).toBe(`csv line 3: empty field key (byte ${L3 + 2})`);
  });

  it('a u32 field out of range', () => {
    const e = lineError('2,3,3000,4294967296,9,1,\n');
    expect(e.at).toEqual({ line: 3, byteOffset: L3 + 9 });
    expect(e.message).toBe(`csv line 3: field price is out of range (above 4294967295) (byte ${L3 + 9})`);
  });

  it('u32 max and ts 2^53 − 1 are accepted; ts 2^53 is out of range', () => {
    const ok = decodeCsv(new TextEncoder().encode('4294967295,4294967295,9007199254740991,1,1,1,\n'));
    expect(ok.ts[0]).toBe(2 ** 53 - 1);
    expect(ok.id[0]).toBe(4294967295);
    expect(lineError('2,3,9007199254740992,9,9,1,\n').message).toContain('field ts is out of range');
  });

  it('missing final newline', () => {
    const e = lineError('2,3,3000,9,9,1,tail');
    expect(e.at).toEqual({ line: 3, byteOffset: L3 + 19 });
    expect(e.message).toBe(`csv line 3: missing final newline (the data ends inside a line) (byte ${L3 + 19})`);
  });

  it('missing final newline inside a numeric field', () => {
    expect(lineError('2,3,30').at).toEqual({ line: 3, byteOffset: L3 + 6 });
  });

  it('the line number is absolute when the error is in a later range', () => {
    const bytes = new TextEncoder().encode(GOOD + GOOD + '9,9,x,1,1,1,\n');
    const acc = createAccumulator({ job: 'parse', workRounds: 0 });
    const e = thrown(() => processRange(acc, 'csv', bytes, GOOD.length * 2 - 3, bytes.length)) as DataError;
    expect(e.at.line).toBe(5);
  });
});
