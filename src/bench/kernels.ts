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
import { createAccumulator, digestOf, finishAccumulator, processRange, type GroupTable } from '../core/workloads';
import { mix32, mix32b } from '../core/workloads/prng';
import { EMPTY_PAYLOAD_HASH, MAX_COST, TS_HI_LIMIT, TWO_POW_32 } from '../core/workloads/record';
import { allocTable, GroupHashTable } from '../core/workloads/group-table';

/** Bytes per `fixed` record (src/core/workloads/formats/fixed.ts). */
const RECORD = 32;

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

function corrupt(p: number, what: string): never {
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

/** One decoded record, the way application code usually holds it. */
interface Trade {
  id: number;
  key: number;
  /** Integer nanoseconds, < 2^53. */
  ts: number;
  price: number;
  size: number;
  cost: number;
}

interface Group {
  count: number;
  sumPrice: number;
  minPrice: number;
  maxPrice: number;
  sumSize: number;
  minSize: number;
  maxSize: number;
}

function decodeTrades(bytes: Uint8Array): Trade[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const trades: Trade[] = [];
  for (let p = 0; p + RECORD <= bytes.byteLength; p += RECORD) {
    const tsHi = view.getUint32(p + 12, true);
    if (tsHi >= TS_HI_LIMIT) corrupt(p, 'ts is not below 2^53');
    if (view.getUint32(p + 28, true) !== 0) corrupt(p, 'reserved word is not 0');
    const trade: Trade = {
      id: view.getUint32(p, true),
      key: view.getUint32(p + 4, true),
      ts: tsHi * TWO_POW_32 + view.getUint32(p + 8, true),
      price: view.getUint32(p + 16, true),
      size: view.getUint32(p + 20, true),
      cost: view.getUint32(p + 24, true),
    };
    if (trade.cost > MAX_COST) corrupt(p, 'cost above the maximum');
    trades.push(trade);
  }
  return trades;
}

/**
 * Folds one trade into the running checksum (same lanes as jobs.ts foldRecord). Written out
 * like bareParse, reading the object's fields, so the checksum costs the idiom no more than
 * it costs the engine: the ratio prices objects + Map, nothing else.
 */
function foldTrade(sum: { a: number; b: number }, t: Trade): void {
  const tsLo = t.ts >>> 0;
  const tsHi = Math.floor(t.ts / TWO_POW_32);
  let a = 0x243f6a88;
  let b = 0x85a308d3;
  a = Math.imul(a ^ t.id, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.id, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.key, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.key, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ tsLo, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ tsLo, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ tsHi, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ tsHi, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.price, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.price, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.size, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.size, 0x85ebca77); b ^= b >>> 13;
  a = Math.imul(a ^ t.cost, 0x9e3779b1); a ^= a >>> 15;
  b = Math.imul(b ^ t.cost, 0x85ebca77); b ^= b >>> 13;
  sum.a = (sum.a + mix32(a ^ EMPTY_PAYLOAD_HASH)) | 0;
  sum.b = (sum.b + mix32b(b ^ EMPTY_PAYLOAD_HASH)) | 0;
}

/**
 * `group` the idiomatic way: decode into an array of objects, then one Map entry (an
 * object) per key. With `checksum`, the same fold as the engine, so the digests must match.
 */
export function objectGroup(bytes: Uint8Array, checksum: boolean): KernelOutput {
  const trades = decodeTrades(bytes);
  const groups = new Map<number, Group>();
  const sum = { a: 0, b: 0 };
  for (const t of trades) {
    if (checksum) foldTrade(sum, t);
    let g = groups.get(t.key);
    if (!g) {
      g = { count: 0, sumPrice: 0, minPrice: Infinity, maxPrice: -Infinity, sumSize: 0, minSize: Infinity, maxSize: -Infinity };
      groups.set(t.key, g);
    }
    g.count++;
    g.sumPrice += t.price;
    g.minPrice = Math.min(g.minPrice, t.price);
    g.maxPrice = Math.max(g.maxPrice, t.price);
    g.sumSize += t.size;
    g.minSize = Math.min(g.minSize, t.size);
    g.maxSize = Math.max(g.maxSize, t.size);
  }
  if (!checksum) return { records: trades.length, digest: null, sink: groups.size };
  return {
    records: trades.length,
    digest: digestOf({ job: 'group', records: trades.length, checksumHi: sum.a >>> 0, checksumLo: sum.b >>> 0, table: toTable(groups) }),
    sink: sum.a,
  };
}

/** A Map of groups as the engine's compact table, to digest it (one entry per key: negligible next to the records). */
function toTable(groups: Map<number, Group>): GroupTable {
  const t = allocTable(groups.size);
  let e = 0;
  for (const [key, g] of groups) {
    t.keys[e] = key;
    t.counts[e] = g.count;
    t.sumPrice[e] = g.sumPrice;
    t.minPrice[e] = g.minPrice;
    t.maxPrice[e] = g.maxPrice;
    t.sumSize[e] = g.sumSize;
    t.minSize[e] = g.minSize;
    t.maxSize[e] = g.maxSize;
    e++;
  }
  return t;
}

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
