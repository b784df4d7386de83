/**
 * The hand-written `group` kernel, written from the digest's definition alone and
 * independently of the engine's code: its own table, its own loop, and the checksum formula
 * spelled out inline (the same two-lane fold as src/core/workloads/jobs.ts foldRecord). The
 * spelled-out fold is deliberate: sharing the engine's helper would make the comparison
 * measure the engine against itself, and a digest match would prove nothing.
 */

import { digestOf, type GroupTable } from '../core/workloads';
import { mix32, mix32b } from '../core/workloads/prng';
import { EMPTY_PAYLOAD_HASH, MAX_COST, TS_HI_LIMIT } from '../core/workloads/record';
import { corrupt, RECORD, type KernelOutput } from './kernels';

/**
 * The hand-written kernel's table: open addressing (linear probing) over a slot array that
 * holds dense entry numbers, the entries in parallel typed arrays. Kept at most half full.
 */
class HandTable {
  mask: number;
  slots: Int32Array;
  used = 0;
  keys: Uint32Array;
  counts: Uint32Array;
  sumPrice: Float64Array;
  minPrice: Uint32Array;
  maxPrice: Uint32Array;
  sumSize: Float64Array;
  minSize: Uint32Array;
  maxSize: Uint32Array;

  constructor(expectedKeys: number) {
    let cap = 16;
    while (cap < expectedKeys * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap).fill(-1);
    const n = cap >>> 1;
    this.keys = new Uint32Array(n);
    this.counts = new Uint32Array(n);
    this.sumPrice = new Float64Array(n);
    this.minPrice = new Uint32Array(n);
    this.maxPrice = new Uint32Array(n);
    this.sumSize = new Float64Array(n);
    this.minSize = new Uint32Array(n);
    this.maxSize = new Uint32Array(n);
  }

  /** A new key's first record (the caller knows the key is absent). Grows first when half full. */
  insert(key: number, price: number, size: number): void {
    if (this.used === this.keys.length) this.grow();
    const e = this.used++;
    let s = slotOf(key, this.mask);
    while (this.slots[s] >= 0) s = (s + 1) & this.mask;
    this.slots[s] = e;
    this.keys[e] = key;
    this.counts[e] = 1;
    this.sumPrice[e] = price;
    this.minPrice[e] = price;
    this.maxPrice[e] = price;
    this.sumSize[e] = size;
    this.minSize[e] = size;
    this.maxSize[e] = size;
  }

  private grow(): void {
    const cap = this.slots.length * 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap).fill(-1);
    for (let e = 0; e < this.used; e++) {
      let s = slotOf(this.keys[e], this.mask);
      while (this.slots[s] >= 0) s = (s + 1) & this.mask;
      this.slots[s] = e;
    }
    const n = cap >>> 1;
    const u32 = (old: Uint32Array) => {
      const next = new Uint32Array(n);
      next.set(old);
      return next;
    };
    const f64 = (old: Float64Array) => {
      const next = new Float64Array(n);
      next.set(old);
      return next;
    };
    this.keys = u32(this.keys);
    this.counts = u32(this.counts);
    this.sumPrice = f64(this.sumPrice);
    this.minPrice = u32(this.minPrice);
    this.maxPrice = u32(this.maxPrice);
    this.sumSize = f64(this.sumSize);
    this.minSize = u32(this.minSize);
    this.maxSize = u32(this.maxSize);
  }

  /** The entries as the engine's compact table, to digest them. */
  toGroupTable(): GroupTable {
    const n = this.used;
    return {
      keys: this.keys.slice(0, n),
      counts: this.counts.slice(0, n),
      sumPrice: this.sumPrice.slice(0, n),
      minPrice: this.minPrice.slice(0, n),
      maxPrice: this.maxPrice.slice(0, n),
      sumSize: this.sumSize.slice(0, n),
      minSize: this.minSize.slice(0, n),
      maxSize: this.maxSize.slice(0, n),
    };
  }
}

/** The key's home slot: a multiplicative hash of the key with its high half folded in. */
function slotOf(key: number, mask: number): number {
  return (Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0) & mask;
}

/**
 * `group` by hand, written from the digest's definition alone: one Uint32Array pass over
 * the records (the `fixed` layout is eight little-endian u32 words), every check, the
 * two-lane checksum fold, and a table of its own (HandTable). Its digest must equal the
 * engine's, so it does the same work; how fast the engine's kernel is next to it is the
 * `group-vs-hand` figure.
 */
export function handGroup(bytes: Uint8Array, expectedKeys: number): KernelOutput {
  if (bytes.byteLength % RECORD !== 0) corrupt(bytes.byteLength - (bytes.byteLength % RECORD), 'truncated');
  if (bytes.byteOffset % 4 !== 0 || new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
    throw new Error('handGroup needs a 4-byte-aligned buffer on a little-endian host');
  }
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >>> 2);
  const table = new HandTable(expectedKeys);
  const sums = new Int32Array(2);
  const n = words.length;
  let q = 0;
  while (q < n) {
    // The loop runs with the table's arrays in constants; it returns at a key it has not
    // seen (that record's checksum already folded), which is inserted here.
    q = handGroupRun(words, q, n, table, sums);
    if (q < n) {
      table.insert(words[q + 1], words[q + 4], words[q + 5]);
      q += 8;
    }
  }
  const records = n >>> 3;
  return {
    records,
    digest: digestOf({ job: 'group', records, checksumHi: sums[0] >>> 0, checksumLo: sums[1] >>> 0, table: table.toGroupTable() }),
    sink: sums[0],
  };
}

/** Checks, folds and groups records from word q; returns n, or the word of a record whose key is new. */
function handGroupRun(words: Uint32Array, q: number, n: number, table: HandTable, sums: Int32Array): number {
  const { slots, mask, keys, counts, sumPrice, minPrice, maxPrice, sumSize, minSize, maxSize } = table;
  const ph = EMPTY_PAYLOAD_HASH;
  let sumA = sums[0];
  let sumB = sums[1];
  for (; q < n; q += 8) {
    const id = words[q];
    const key = words[q + 1];
    const tsLo = words[q + 2];
    const tsHi = words[q + 3];
    const price = words[q + 4];
    const size = words[q + 5];
    const cost = words[q + 6];
    if (tsHi >= TS_HI_LIMIT) corrupt(q * 4, 'ts is not below 2^53');
    if (words[q + 7] !== 0) corrupt(q * 4, 'reserved word is not 0');
    if (cost > MAX_COST) corrupt(q * 4, 'cost above the maximum');
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

    let s = (Math.imul(key ^ (key >>> 16), 0x45d9f3b) >>> 0) & mask;
    let e = slots[s];
    while (e >= 0 && keys[e] !== key) {
      s = (s + 1) & mask;
      e = slots[s];
    }
    if (e < 0) break;
    counts[e]++;
    sumPrice[e] += price;
    if (price < minPrice[e]) minPrice[e] = price;
    if (price > maxPrice[e]) maxPrice[e] = price;
    sumSize[e] += size;
    if (size < minSize[e]) minSize[e] = size;
    if (size > maxSize[e]) maxSize[e] = size;
  }
  sums[0] = sumA;
  sums[1] = sumB;
  return q;
}
