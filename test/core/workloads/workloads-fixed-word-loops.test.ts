import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/core/model/types';
import { createAccumulator, digestOf, finishAccumulator, generate, processRange } from '../../../src/core/workloads';
import type { Digest, JobKind } from '../../../src/core/model/types';
import { smallSpec, thrown } from './workloads-test-helpers';

// `fixed` data in a 4-byte-aligned view goes through the hand-written word loops of jobs.ts;
// any other view through the generic reader (readFixed + laneA/laneB + GroupHashTable.add).
// Both must give the same answer, errors included.

/** The same bytes in a view whose byteOffset is 1: the generic path. */
function unaligned(bytes: Uint8Array): Uint8Array {
  const host = new Uint8Array(bytes.length + 1);
  host.set(bytes, 1);
  return host.subarray(1);
}

function digest(job: JobKind, bytes: Uint8Array, workRounds: number, expectedKeys: number): Digest {
  const acc = createAccumulator({ job, workRounds }, expectedKeys);
  processRange(acc, 'fixed', bytes, 0, bytes.length);
  return digestOf(finishAccumulator(acc));
}

describe('fixed: the word loops equal the generic path', () => {
  for (const job of ['parse', 'group', 'group-naive'] as const) {
    for (const workRounds of [0, 3]) {
      it(`${job}, ${workRounds} work rounds, cost skew`, () => {
        const bytes = generate(smallSpec({ records: 2_000, distinctKeys: 50, keySkew: 1, costSkew: 1 }));
        expect(bytes.byteOffset % 4).toBe(0);
        const fast = digest(job, bytes, workRounds, 50);
        expect(fast.records).toBe(2_000);
        expect(digest(job, unaligned(bytes), workRounds, 50)).toEqual(fast);
      });
    }
  }

  it('group: a table that grows mid-loop (presized for 0 keys, 5,000 arrive) equals the presized one', () => {
    const bytes = generate(smallSpec({ records: 40_000, distinctKeys: 5_000 }));
    const presized = digest('group', bytes, 0, 5_000);
    expect(digest('group', bytes, 0, 0)).toEqual(presized);
    expect(digest('group', unaligned(bytes), 0, 0)).toEqual(presized);
    const acc = createAccumulator({ job: 'group', workRounds: 0 }, 0);
    processRange(acc, 'fixed', bytes, 0, bytes.length);
    const table = finishAccumulator(acc).table!;
    expect(table.keys.length).toBe(new Set(table.keys).size);
    expect(table.counts.reduce((a, b) => a + b, 0)).toBe(40_000);
  });

  it('group: key 0 and key 2^32−1 are ordinary keys', () => {
    const bytes = generate(smallSpec({ records: 64, distinctKeys: 4 })).slice();
    const view = new DataView(bytes.buffer);
    for (let k = 0; k < 64; k++) view.setUint32(k * 32 + 4, k % 3 === 0 ? 0 : k % 3 === 1 ? 0xffffffff : 7, true);
    const acc = createAccumulator({ job: 'group', workRounds: 0 }, 4);
    processRange(acc, 'fixed', bytes, 0, bytes.length);
    const table = finishAccumulator(acc).table!;
    const counts = new Map([...table.keys].map((key, i) => [key, table.counts[i]]));
    expect(counts).toEqual(new Map([[0, 22], [0xffffffff, 21], [7, 21]]));
    expect(digest('group', unaligned(bytes), 0, 4)).toEqual(digest('group', bytes, 0, 4));
  });
});

describe('fixed: errors from the word loops name the byte offset, as the generic path does', () => {
  const corruptions: [string, (b: Uint8Array) => void, string][] = [
    ['reserved word', (b) => (b[5 * 32 + 28] = 1), 'fixed: record at byte 160: reserved word'],
    ['ts at 2^53', (b) => new DataView(b.buffer).setUint32(5 * 32 + 12, 2 ** 21, true), 'fixed: record at byte 160: ts is not below 2^53'],
    ['cost above the maximum', (b) => new DataView(b.buffer).setUint32(5 * 32 + 24, 65, true), 'fixed: record at byte 160: cost 65 is above the maximum 64'],
  ];
  for (const job of ['parse', 'group'] as const) {
    for (const [what, corrupt, message] of corruptions) {
      it(`${job}: ${what}`, () => {
        const bytes = generate(smallSpec({ records: 10 })).slice();
        corrupt(bytes);
        const [fast, generic] = [bytes, unaligned(bytes)].map((b) => thrown(() => digest(job, b, 0, 16)) as DataError);
        expect(fast).toBeInstanceOf(DataError);
        expect(fast.message).toContain(message);
        expect(generic.message).toBe(fast.message);
        expect(generic.at).toEqual(fast.at);
      });
    }

    it(`${job}: a truncated last record`, () => {
      const bytes = generate(smallSpec({ records: 10 })).subarray(0, 10 * 32 - 3);
      const e = thrown(() => digest(job, bytes, 0, 16)) as DataError;
      expect(e.message).toBe('fixed: truncated record at byte 288: only 29 of 32 bytes');
      expect((thrown(() => digest(job, unaligned(bytes), 0, 16)) as DataError).message).toBe(e.message);
    });

    it(`${job}: an injected fault stops at the record`, () => {
      const bytes = generate(smallSpec({ records: 10 }));
      const id = new DataView(bytes.buffer, bytes.byteOffset).getUint32(4 * 32, true);
      const acc = createAccumulator({ job, workRounds: 0, faultAtRecord: id }, 16);
      expect((thrown(() => processRange(acc, 'fixed', bytes, 0, bytes.length)) as Error).message).toBe(`injected fault at record ${id}`);
    });
  }
});
