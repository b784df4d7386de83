import { describe, expect, it } from 'vitest';
import { decode, encode, generateColumns, type RecordColumns } from '../../../src/core/workloads';
import { FORMATS_ALL, smallSpec } from './workloads-test-helpers';

function handMade(withPayload: boolean): RecordColumns {
  return {
    id: Uint32Array.from([0, 0xffffffff, 7]),
    key: Uint32Array.from([0, 0xffffffff, 123456789]),
    ts: Float64Array.from([0, 2 ** 53 - 1, 4294967296]),
    price: Uint32Array.from([0, 0xffffffff, 1]),
    size: Uint32Array.from([0, 0xffffffff, 65535]),
    cost: Uint32Array.from([0, 0xffffffff, 64]),
    payload: withPayload ? [new Uint8Array(0), new TextEncoder().encode('x'), new TextEncoder().encode('a b~!')] : null,
  };
}

describe('decode(encode(x)) = x', () => {
  for (const format of FORMATS_ALL) {
    const withPayload = format !== 'fixed';
    it(`${format}: 0 records`, () => {
      const cols = generateColumns(smallSpec({ format, records: 0 }), 0, 0);
      const bytes = encode(format, cols);
      expect(bytes.length).toBe(0);
      expect(decode(format, bytes)).toEqual(cols);
    });

    it(`${format}: 1 record`, () => {
      const cols = generateColumns(smallSpec({ format, records: 1 }), 0, 1);
      expect(decode(format, encode(format, cols))).toEqual(cols);
    });

    it(`${format}: 300 generated records with payloads up to 64 bytes`, () => {
      const cols = generateColumns(smallSpec({ format, records: 300, payloadBytes: 32, keySkew: 2 }), 0, 300);
      expect(decode(format, encode(format, cols))).toEqual(cols);
    });

    it(`${format}: empty payloads (payloadBytes 0)`, () => {
      const cols = generateColumns(smallSpec({ format, records: 20, payloadBytes: 0 }), 0, 20);
      if (withPayload) expect(cols.payload!.every((p) => p.length === 0)).toBe(true);
      expect(decode(format, encode(format, cols))).toEqual(cols);
    });

    it(`${format}: extreme values (0, u32 max, 2^53 − 1)`, () => {
      const cols = handMade(withPayload);
      expect(decode(format, encode(format, cols))).toEqual(cols);
    });
  }

  it('encoders reject what the format cannot hold', () => {
    const bad = handMade(true);
    bad.ts[0] = 2 ** 53;
    expect(() => encode('fixed', bad)).toThrow(RangeError);
    const comma = handMade(true);
    comma.payload![1] = new TextEncoder().encode('a,b');
    expect(() => encode('csv', comma)).toThrow(RangeError);
    const gs = handMade(true);
    gs.payload![1] = Uint8Array.from([0x41, 0x1d]);
    expect(() => encode('varlen', gs)).toThrow(RangeError);
    const ragged = handMade(false);
    ragged.key = new Uint32Array(2);
    expect(() => encode('fixed', ragged)).toThrow(RangeError);
  });
});
