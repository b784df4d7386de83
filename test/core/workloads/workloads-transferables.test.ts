import { describe, expect, it } from 'vitest';
import {
  createAccumulator,
  digestOf,
  finishAccumulator,
  generate,
  processRange,
  transferablesOf,
} from '../../../src/core/workloads';
import { smallSpec } from './workloads-test-helpers';

function finished(job: 'parse' | 'group') {
  const bytes = generate(smallSpec({ records: 300, distinctKeys: 50 }));
  const acc = createAccumulator({ job, workRounds: 1 }, 50);
  processRange(acc, 'fixed', bytes, 0, bytes.length);
  return finishAccumulator(acc);
}

describe('partials are plain data that can be transferred', () => {
  it('group: eight table buffers, distinct, exactly sized to the entries', () => {
    const p = finished('group');
    const buffers = transferablesOf(p);
    expect(buffers.length).toBe(8);
    expect(new Set(buffers).size).toBe(8);
    expect(p.table!.keys.length).toBe(50);
    expect(buffers[0].byteLength).toBe(50 * 4);
  });

  it('parse: nothing to transfer', () => {
    expect(transferablesOf(finished('parse'))).toEqual([]);
  });

  it('survives structuredClone with transfer: same digest, source buffers detached', () => {
    const p = finished('group');
    const before = digestOf(p);
    const buffers = transferablesOf(p);
    const moved = structuredClone(p, { transfer: buffers });
    expect(digestOf(moved)).toEqual(before);
    expect(p.table!.keys.length).toBe(0); // detached
  });

  it('the accumulator stays usable after finishing', () => {
    const bytes = generate(smallSpec({ records: 20 }));
    const acc = createAccumulator({ job: 'group', workRounds: 0 });
    processRange(acc, 'fixed', bytes, 0, 320);
    const first = finishAccumulator(acc);
    processRange(acc, 'fixed', bytes, 320, bytes.length);
    expect(first.records).toBe(10);
    expect(finishAccumulator(acc).records).toBe(20);
  });
});
