import { describe, expect, it } from 'vitest';
import { runSequential } from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

// The checksum hashes decoded values, not bytes: the same records give the same digest
// in every format (fixed has no payload, so it agrees when payloads are empty).
describe('the digest depends on the records, not the format', () => {
  for (const job of ['parse', 'group'] as const) {
    it(`${job}: varlen = csv, with payloads`, () => {
      const spec = { ...smallSpec({ records: 300, payloadBytes: 20, keySkew: 1 }), job, workRounds: 3 };
      expect(runSequential({ ...spec, format: 'csv' })).toEqual(runSequential({ ...spec, format: 'varlen' }));
    });

    it(`${job}: fixed = varlen = csv when payloadBytes is 0`, () => {
      const spec = { ...smallSpec({ records: 300, payloadBytes: 0 }), job, workRounds: 3 };
      const fixed = runSequential({ ...spec, format: 'fixed' });
      expect(runSequential({ ...spec, format: 'varlen' })).toEqual(fixed);
      expect(runSequential({ ...spec, format: 'csv' })).toEqual(fixed);
    });
  }

  it('group has the same checksum as parse, plus a table hash', () => {
    const spec = { ...smallSpec({ records: 300 }), workRounds: 1 };
    const parse = runSequential({ ...spec, job: 'parse' });
    const group = runSequential({ ...spec, job: 'group' });
    expect(group.checksum).toBe(parse.checksum);
    expect(parse.tableHash).toBe('0000000000000000');
    expect(group.tableHash).toMatch(/^[0-9a-f]{16}$/);
    expect(group.tableHash).not.toBe('0000000000000000');
  });

  it('payload bytes count: a different payload gives a different checksum', () => {
    const spec = { ...smallSpec({ records: 300, format: 'csv' }), job: 'parse' as const, workRounds: 0 };
    expect(runSequential({ ...spec, payloadBytes: 8 }).checksum).not.toBe(
      runSequential({ ...spec, payloadBytes: 9 }).checksum,
    );
  });

  it('0 records: zero digests', () => {
    for (const format of ['fixed', 'varlen', 'csv'] as const) {
      expect(runSequential({ ...smallSpec({ format, records: 0 }), job: 'group', workRounds: 5 })).toEqual({
        records: 0,
        checksum: '0000000000000000',
        tableHash: '0000000000000000',
      });
    }
  });
});
