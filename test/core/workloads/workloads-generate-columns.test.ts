import { describe, expect, it } from 'vitest';
import { encode, generateColumns, generateRange } from '../../../src/core/workloads';
import { FORMATS_ALL, firstDifference, smallSpec } from './workloads-test-helpers';

describe('generateRange = encode(generateColumns) (the fast encoders agree with the reference ones)', () => {
  for (const format of FORMATS_ALL) {
    for (const keySkew of [0, 1.3]) {
      it(`${format}, keySkew ${keySkew}, records [37, 437) of 1000`, () => {
        const spec = smallSpec({ format, records: 1000, keySkew, payloadBytes: 40, distinctKeys: 300, costSkew: 1 });
        expect(firstDifference(generateRange(spec, 37, 437), encode(format, generateColumns(spec, 37, 437)))).toBe(-1);
      });
    }
  }

  it('rejects a range outside the dataset', () => {
    const spec = smallSpec({ records: 10 });
    expect(() => generateRange(spec, 0, 11)).toThrow(RangeError);
    expect(() => generateRange(spec, 5, 4)).toThrow(RangeError);
    expect(() => generateColumns(spec, -1, 3)).toThrow(RangeError);
  });
});
