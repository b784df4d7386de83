/** Digests: the proof that a parallel answer equals the sequential reference. */

import type { DatasetSpec, Digest, JobSpec } from '../model/types';
import { generate } from './generate';
import { createAccumulator, finishAccumulator, processRange } from './jobs';
import { type GroupTable, type PartialResult } from './partial';
import { mix32, mix32b } from './prng';
import { TWO_POW_32 } from './record';
import { validateDatasetSpec } from './validate';

function hex8(x: number): string {
  return (x >>> 0).toString(16).padStart(8, '0');
}

/**
 * Order-independent 64-bit hash of a table: per entry, a two-lane hash over (key, count,
 * sum/min/max price, sum/min/max size), the lanes summed mod 2^32. [hi, lo]; [0, 0] when empty.
 */
export function tableHashLanes(t: GroupTable): [number, number] {
  let sumA = 0;
  let sumB = 0;
  const w = new Float64Array(10);
  for (let e = 0; e < t.keys.length; e++) {
    const sp = t.sumPrice[e];
    const ss = t.sumSize[e];
    // Sums are exact integers < 2^53: split into u32 words.
    w[0] = t.keys[e];
    w[1] = t.counts[e];
    w[2] = sp >>> 0;
    w[3] = (sp - (sp >>> 0)) / TWO_POW_32;
    w[4] = t.minPrice[e];
    w[5] = t.maxPrice[e];
    w[6] = ss >>> 0;
    w[7] = (ss - (ss >>> 0)) / TWO_POW_32;
    w[8] = t.minSize[e];
    w[9] = t.maxSize[e];
    let a = 0x3c6ef372;
    let b = 0xa54ff53a;
    for (let k = 0; k < 10; k++) {
      a = Math.imul(a ^ w[k], 0x9e3779b1);
      a ^= a >>> 15;
      b = Math.imul(b ^ w[k], 0x85ebca77);
      b ^= b >>> 13;
    }
    sumA = (sumA + mix32(a)) | 0;
    sumB = (sumB + mix32b(b)) | 0;
  }
  return [sumA >>> 0, sumB >>> 0];
}

/** The digest of a (finished or merged) partial. */
export function digestOf(partial: PartialResult): Digest {
  const [hi, lo] = partial.table ? tableHashLanes(partial.table) : [0, 0];
  return {
    records: partial.records,
    checksum: hex8(partial.checksumHi) + hex8(partial.checksumLo),
    tableHash: hex8(hi) + hex8(lo),
  };
}

/**
 * The sequential reference: generate the data (unless bytes are given, which must be in
 * spec.format), run one accumulator over the whole buffer, digest it.
 */
export function runSequential(spec: DatasetSpec & JobSpec, bytes?: Uint8Array): Digest {
  validateDatasetSpec(spec);
  const data = bytes ?? generate(spec);
  const acc = createAccumulator(spec, spec.distinctKeys);
  processRange(acc, spec.format, data, 0, data.length);
  return digestOf(finishAccumulator(acc));
}
