import { describe, expect, it } from 'vitest';
import { generate, runSequential } from '../../src/core/workloads';
import type { DatasetSpec } from '../../src/core/model/types';
import { handGroup } from '../../src/bench/kernel-hand-group';

const spec = (records: number, distinctKeys: number, keySkew = 0): DatasetSpec => ({
  seed: 11,
  records,
  format: 'fixed',
  distinctKeys,
  keySkew,
  payloadBytes: 0,
  costSkew: 0,
} as DatasetSpec);

describe('the hand-written group kernel', () => {
  it('computes the engine’s digest: same records, checksum and table', () => {
    const s = spec(20_000, 1000);
    const out = handGroup(generate(s), s.distinctKeys);
    expect(out.records).toBe(20_000);
    expect(out.digest).toEqual(runSequential({ ...s, job: 'group', workRounds: 0 }));
  });

  it('still agrees when there are far more keys than it was told to expect (its table grows)', () => {
    const s = spec(5_000, 3000, 1.1);
    expect(handGroup(generate(s), 4).digest).toEqual(runSequential({ ...s, job: 'group', workRounds: 0 }));
  });

  it('refuses a record whose reserved word is not 0, naming its byte offset', () => {
    const bytes = generate(spec(10, 3));
    bytes[3 * 32 + 28] = 1;
    expect(() => handGroup(bytes, 3)).toThrow('fixed: record at byte 96: reserved word is not 0');
  });
});
