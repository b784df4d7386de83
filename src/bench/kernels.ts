/**
 * The hot loops the bench compares over one `fixed` buffer: the engine's own kernel
 * (src/core/workloads, exactly what an engine worker runs) against hand-written references
 * that compute the SAME answer — same checksum fold, same group table — so a ratio prices
 * the engine's structure, not a difference in work. Each returns its digest, and the bench
 * refuses a figure whose reference disagrees with the engine.
 *
 * Pure TypeScript: runs in the bench worker (and would in Node).
 */

import type { Digest, JobKind } from '../core/model/types';
import { createAccumulator, digestOf, finishAccumulator, processRange } from '../core/workloads';
import { mix32, mix32b } from '../core/workloads/prng';
import { EMPTY_PAYLOAD_HASH, MAX_COST, TS_HI_LIMIT } from '../core/workloads/record';
import { GroupHashTable } from '../core/workloads/group-table';

/** Bytes per `fixed` record (src/core/workloads/formats/fixed.ts). */
export const RECORD = 32;

/** What every kernel hands back: records seen and the digest of its answer (null: no answer, context only). */
export interface KernelOutput {
  records: number;
  digest: Digest | null;
  /** A value derived from every record, so no loop can be optimised away. */
  sink: number;
}

/** The engine's kernel: one accumulator over the whole buffer, finished (job parse or group, no work rounds). */
export function engineKernel(job: JobKind, bytes: Uint8Array, expectedKeys: number): KernelOutput {
  const acc = createAccumulator({ job, workRounds: 0 }, expectedKeys);
  const records = processRange(acc, 'fixed', bytes, 0, bytes.length);
  const partial = finishAccumulator(acc);
  return { records, digest: digestOf(partial), sink: partial.checksumHi };
}

export function corrupt(p: number, what: string): never {
  throw new Error(`fixed: record at byte ${p}: ${what}`);
}

/**
 * `parse` by hand: one DataView loop, every check and the two-lane checksum fold of
 * jobs.ts foldRecord written inline (fixed records carry no payload, so the payload hash
 * is the constant EMPTY_PAYLOAD_HASH).
 */
export function bareParse(bytes: Uint8Array): KernelOutput {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  if (n % RECORD !== 0) corrupt(n - (n % RECORD), 'truncated');
  const ph = EMPTY_PAYLOAD_HASH;
  let sumA = 0;
  let sumB = 0;
  let records = 0;
  for (let p = 0; p < n; p += RECORD) {
    const id = view.getUint32(p, true);
    const key = view.getUint32(p + 4, true);
    const tsLo = view.getUint32(p + 8, true);
    const tsHi = view.getUint32(p + 12, true);
    const price = view.getUint32(p + 16, true);
    const size = view.getUint32(p + 20, true);
    const cost = view.getUint32(p + 24, true);
    if (tsHi >= TS_HI_LIMIT) corrupt(p, 'ts is not below 2^53');
    if (view.getUint32(p + 28, true) !== 0) corrupt(p, 'reserved word is not 0');
    if (cost > MAX_COST) corrupt(p, 'cost above the maximum');
    let a = 0x243f6a88;
    let b = 0x85a308d3;
    a = Math.imul(a ^ id, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ id, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ key, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ key, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ tsLo, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ tsLo, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ tsHi, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ tsHi, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ price, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ price, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ size, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ size, 0x85ebca77); b ^= b >>> 13;
    a = Math.imul(a ^ cost, 0x9e3779b1); a ^= a >>> 15;
    b = Math.imul(b ^ cost, 0x85ebca77); b ^= b >>> 13;
    sumA = (sumA + mix32(a ^ ph)) | 0;
    sumB = (sumB + mix32b(b ^ ph)) | 0;
    records++;
  }
  return { records, digest: digestOf({ job: 'parse', records, checksumHi: sumA >>> 0, checksumLo: sumB >>> 0, table: null }), sink: sumA };
}

/** Reads the seven fields of every record and sums them: no checks, no checksum (context only). */
export function decodeOnly(bytes: Uint8Array): KernelOutput {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength - (bytes.byteLength % RECORD);
  let s = 0;
  let records = 0;
  for (let p = 0; p < n; p += RECORD) {
    s =
      (s +
        view.getUint32(p, true) +
        view.getUint32(p + 4, true) +
        view.getUint32(p + 8, true) +
        view.getUint32(p + 12, true) +
        view.getUint32(p + 16, true) +
        view.getUint32(p + 20, true) +
        view.getUint32(p + 24, true)) |
      0;
    records++;
  }
  return { records, digest: null, sink: s };
}

/**
 * Only the grouping, by hand: key, price and size read as u32 words, the engine's hash table
 * (lookup written out, as in jobs.ts), no checks and no checksum. Context only — it is not a
 * `group` (no proof of the records), it is the ceiling of one: with the checksum every record
 * pays for on top, no `group` can beat it.
 */
export function tableOnlyGroup(bytes: Uint8Array, expectedKeys: number): KernelOutput {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  const table = new GroupHashTable(expectedKeys);
  const n = words.length - (words.length % 8);
  // Like jobs.ts: the loop runs with the table's arrays constant and stops at a new key.
  for (let q = 0; q < n; q += 8) {
    q = groupWords(words, q, n, table);
    if (q < n) table.add(words[q + 1], words[q + 4], words[q + 5]);
  }
  return { records: n / 8, digest: null, sink: table.size };
}

/** Groups records from word q until n or a key not yet in the table; returns where it stopped. */
function groupWords(words: Uint32Array, q: number, n: number, table: GroupHashTable): number {
  const { slotKey, slotEntry, entries, mask, shift } = table;
  for (; q < n; q += 8) {
    const key = words[q + 1];
    let s = Math.imul(key, 0x9e3779b1) >>> shift;
    let o = slotEntry[s] - 1;
    while (o >= 0 && slotKey[s] !== key) {
      s = (s + 1) & mask;
      o = slotEntry[s] - 1;
    }
    if (o < 0) break;
    const price = words[q + 4];
    const size = words[q + 5];
    entries[o] += 1;
    entries[o + 1] += price;
    if (price < entries[o + 2]) entries[o + 2] = price;
    if (price > entries[o + 3]) entries[o + 3] = price;
    entries[o + 4] += size;
    if (size < entries[o + 5]) entries[o + 5] = size;
    if (size > entries[o + 6]) entries[o + 6] = size;
  }
  return q;
}
