import { describe, expect, it } from 'vitest';
import type { DatasetSpec, Format, JobKind } from '../../../src/core/model/types';
import { runSequential } from '../../../src/core/workloads';

// Computed once from the generator and pasted here: any change to generation, encoding,
// hashing or the work mixing changes these and must be a deliberate decision.
const BASE: Omit<DatasetSpec, 'format'> = {
  seed: 42,
  records: 10_000,
  distinctKeys: 1000,
  keySkew: 1,
  payloadBytes: 16,
  costSkew: 0.5,
};

const GOLDEN: Record<Format, Record<'parse' | 'group', { checksum: string; tableHash: string }>> = {
  fixed: {
    parse: { checksum: '295c812bb27757ed', tableHash: '0000000000000000' },
    group: { checksum: '295c812bb27757ed', tableHash: '318e8411195ce6b6' },
  },
  varlen: {
    parse: { checksum: '6934c9c2c0055f54', tableHash: '0000000000000000' },
    group: { checksum: '6934c9c2c0055f54', tableHash: '318e8411195ce6b6' },
  },
  csv: {
    parse: { checksum: '6934c9c2c0055f54', tableHash: '0000000000000000' },
    group: { checksum: '6934c9c2c0055f54', tableHash: '318e8411195ce6b6' },
  },
};

describe('golden digests, seed 42 × 10,000 records, workRounds 2', () => {
  for (const format of ['fixed', 'varlen', 'csv'] as const) {
    for (const job of ['parse', 'group'] as const satisfies readonly JobKind[]) {
      it(`${format} ${job}`, () => {
        expect(runSequential({ ...BASE, format, job, workRounds: 2 })).toEqual({
          records: 10_000,
          ...GOLDEN[format][job],
        });
      });
    }
  }
});
