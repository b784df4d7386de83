import { describe, expect, it } from 'vitest';
import { generate, generateFixedInto } from '../../../src/core/workloads';
import { firstDifference, smallSpec } from './workloads-test-helpers';

describe('generateFixedInto writes the same bytes as generate, in place', () => {
  const spec = smallSpec({ records: 100, keySkew: 1.2 });
  const whole = generate(spec);

  it('pieces written at their offsets, over garbage, equal the whole (reserved words included)', () => {
    const out = new Uint8Array(whole.length).fill(0xab);
    for (const [a, b] of [[60, 100], [0, 1], [1, 60]]) generateFixedInto(spec, a, b, out, a * 32);
    expect(firstDifference(out, whole)).toBe(-1);
  });

  it('into a view at an odd byte offset (the DataView path)', () => {
    const host = new Uint8Array(whole.length + 3).fill(0xcd);
    const out = host.subarray(3);
    generateFixedInto(spec, 0, 100, out, 0);
    expect(firstDifference(out, whole)).toBe(-1);
    expect([...host.subarray(0, 3)]).toEqual([0xcd, 0xcd, 0xcd]);
  });

  it('refuses what does not fit, a bad range and other formats', () => {
    const out = new Uint8Array(32 * 10);
    expect(() => generateFixedInto(spec, 0, 11, out, 0)).toThrow('11 records do not fit at byte 0 of 320');
    expect(() => generateFixedInto(spec, 0, 10, out, 32)).toThrow('do not fit at byte 32');
    expect(() => generateFixedInto(spec, 5, 4, out, 0)).toThrow('record range [5, 4) is not within [0, 100]');
    expect(() => generateFixedInto({ ...spec, format: 'csv' }, 0, 1, out, 0)).toThrow('format must be fixed (got csv)');
  });
});
